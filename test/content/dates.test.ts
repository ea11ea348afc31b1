// content:check refuses course dates that do not exist, naming file and field; before, 30 February and 25:00 passed
// the check, the bot started, and /agenda failed.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentCopy, edit, problemsOf, removeCopies } from './copy.ts';

afterEach(removeCopies);

describe('course dates', () => {
  it.each([
    ['2026-02-30T19:00', 'calendar.firstClass'],
    ['2026-11-10T25:00', 'calendar.firstClass'],
    ['0000-11-10T19:00', 'calendar.firstClass'],
  ])('refuses firstClass %s', (value, field) => {
    const dir = contentCopy();
    edit(path.join(dir, 'course.yaml'), /firstClass: [^\n]+/, `firstClass: ${value}`);
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        file: 'content/course.yaml',
        field,
        message: expect.stringContaining('real date'),
      }),
    );
  });

  it('refuses an impossible skipped date and an impossible override', () => {
    const dir = contentCopy();
    edit(path.join(dir, 'course.yaml'), /skip: \[[^\]]*\]/, 'skip: [2026-12-32]');
    edit(path.join(dir, 'course.yaml'), 'overrides: {}', 'overrides: { "2": 2026-11-17T24:30 }');
    const fields = problemsOf(dir).map((p) => p.field);
    expect(fields).toContain('calendar.skip[0]');
    expect(fields).toContain('calendar.overrides.2');
  });
});
