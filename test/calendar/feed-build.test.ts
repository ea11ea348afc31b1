// buildFeed on its own: what each event carries, and the ETag following the calendar, not the request time.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed, lessonUid } from '../../src/calendar/feed.ts';
import { loadContentStore } from '../../src/content/store.ts';
import { translator } from '../../src/core/i18n.ts';
import { CONTENT_DIR } from '../helpers.ts';

const content = loadContentStore(CONTENT_DIR);
const input = {
  courseId: content.course.id,
  courseTitle: content.course.title,
  communityId: 7,
  schedule: content.schedule,
  timezone: 'America/Sao_Paulo',
  alarmMinutes: 90,
  t: translator('en'),
  now: new Date('2026-11-01T12:00:00Z'),
};

describe('buildFeed', () => {
  it('puts the class link in each event as location and URL when the course has one', () => {
    const feed = buildFeed({ ...input, classLink: 'https://meet.example.org/turma' });
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('location'))).toEqual(
      events.map(() => 'https://meet.example.org/turma'),
    );
    expect(events[0]!.getFirstPropertyValue('url')).toBe('https://meet.example.org/turma');
    expect(buildFeed(input).body).not.toContain('LOCATION');
  });

  it('writes DTSTAMP in UTC, titles in the community language and a UID per course, community and lesson', () => {
    const { body } = buildFeed(input);
    expect(body).toMatch(/^DTSTAMP:20261101T120000Z\r$/m);
    expect(body).toContain(`UID:${lessonUid(content.course.id, 7, 1)}`);
    expect(lessonUid(content.course.id, 7, 1)).not.toBe(lessonUid(content.course.id, 8, 1));
    expect(body).toContain(`SUMMARY:Lesson 1 — `);
    expect(body).toContain('TRIGGER:-PT1H30M');
  });

  it('keeps the ETag when only the request time moves, and changes it when the calendar does', () => {
    const a = buildFeed(input);
    const later = buildFeed({ ...input, now: new Date('2026-11-02T12:00:00Z') });
    expect(later.body).not.toBe(a.body);
    expect(later.etag).toBe(a.etag);
    expect(buildFeed({ ...input, alarmMinutes: 60 }).etag).not.toBe(a.etag);
    // A calendar with no lessons left keeps its ETag too.
    const empty = { ...input, schedule: [] };
    expect(buildFeed({ ...empty, now: new Date('2026-11-02T12:00:00Z') }).etag).toBe(buildFeed(empty).etag);
  });
});
