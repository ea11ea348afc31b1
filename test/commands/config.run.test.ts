import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../commands/config.ts';
import { channelMention } from '../../src/core/message.ts';
import type { ScheduledRunRow } from '../../src/db/schema.ts';
import { COMMUNITY_ID, content, type FakeOptions, fakeContext, NOW } from './fake-context.ts';

beforeAll(() => void content());

const admin = { actor: { isAdmin: true } } satisfies FakeOptions;
type Setting = NonNullable<Parameters<typeof config.run>[0]['args']['setting']>;
const configure = (setting: Setting, value?: string, options: FakeOptions = {}) =>
  fakeContext(config, { ...admin, ...options, args: { setting, value } });

/** The settings table of a community that configured nothing, in English. */
const DEFAULT_FIELDS = [
  {
    name: 'Announcements channel',
    value: 'none (run /config channel in the channel you want)',
    inline: true,
  },
  { name: 'Timezone', value: 'America/Sao_Paulo', inline: true },
  { name: 'Language', value: 'en', inline: true },
  {
    name: 'First class',
    value: expect.stringMatching(/^Tuesday, November 10, 2026 at 7:00\sPM \(course calendar\)$/),
    inline: true,
  },
  { name: 'Question of the day', value: '09:00, Mon, Tue, Wed, Thu, Fri', inline: true },
  { name: 'Lesson agenda', value: '1d before', inline: true },
  { name: 'Reminders', value: '1h before class', inline: true },
  { name: 'Monitors’ digest', value: 'off', inline: true },
  { name: 'Discord events', value: 'off', inline: true },
  { name: 'Automatic posts', value: 'active', inline: true },
];
const field = (name: string, messages: { fields?: { name: string; value: string }[] }[]) =>
  messages.at(-1)?.fields?.find((f) => f.name === name)?.value;

describe('/config run()', () => {
  it('is admin-only: the bot refuses it to members before run()', () => {
    expect(config.adminOnly).toBe(true);
  });

  it('shows the class calendar link privately, and rotates it on request', async () => {
    const url = 'https://turma.example.org';
    const shown = configure('calendar', undefined, { publicUrl: url });
    const [message] = await shown.run();
    expect(message).toMatchObject({ title: '📅 The class calendar', ephemeral: true });
    expect(message!.text).toContain(`${url}/calendar/${'T'.repeat(43)}.ics`);
    expect(message!.text).toContain('Google Calendar');
    expect(message!.links).toEqual([
      { label: '📅 Add to calendar', url: `${url}/calendar/${'T'.repeat(43)}.ics` },
    ]);
    expect(shown.callsTo('repos.calendarFeeds.rotate')).toEqual([]);
    const rotated = configure('calendar', 'rotate', { publicUrl: url });
    expect((await rotated.run())[0]!.text).toContain(`${url}/calendar/${'R'.repeat(43)}.ics`);
    expect(rotated.callsTo('repos.calendarFeeds.rotate')).toHaveLength(1);
    expect((await configure('calendar', 'now', { publicUrl: url }).refusal()).code).toBe('usage');
    // Without PUBLIC_URL there is no address to give: the admin hears what to set, and no token is made.
    const missing = configure('calendar');
    expect(await missing.refusal()).toMatchObject({
      code: 'not-configured',
      message: expect.stringContaining('PUBLIC_URL'),
    });
    expect(missing.callsTo('repos.calendarFeeds.ensure')).toEqual([]);
  });

  it("syncs the lessons' scheduled events after turning them on and after a schedule change, not after others", async () => {
    const discord = { place: { platform: 'discord' as const } };
    const on = configure('events', 'on', discord);
    const messages = await on.run();
    expect(on.sequence('repos.communities.update', 'events.sync')).toEqual([
      'repos.communities.update',
      'events.sync',
    ]);
    expect(messages.map((m) => m.text)).toContain('Events tab: 0 created, 0 updated, 0 removed.');
    const moved = configure('schedule', '2026-11-11T19:00', {
      ...discord,
      community: { eventsEnabled: true },
    });
    await moved.run();
    expect(moved.callsTo('events.sync')).toHaveLength(1);
    const off = configure('schedule', '2026-11-11T19:00', discord);
    await off.run();
    expect(off.callsTo('events.sync')).toEqual([]);
    const other = configure('quiz-time', '10:00', { ...discord, community: { eventsEnabled: true } });
    await other.run();
    expect(other.callsTo('events.sync')).toEqual([]);
  });

  it('shows the settings privately, with the course defaults, and changes nothing', async () => {
    const fake = fakeContext(config, admin);
    expect(await fake.run()).toEqual([{ title: '⚙️ Settings', fields: DEFAULT_FIELDS, ephemeral: true }]);
    expect(fake.callsTo('repos.communities.update')).toEqual([]);
    expect(fake.callsTo('scheduler.replan')).toEqual([]);
  });

  it('sets the question-of-the-day time, then re-plans the posts, and shows the new table', async () => {
    const fake = configure('quiz-time', '10:00');
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([[COMMUNITY_ID, { quizTime: '10:00' }]]);
    expect(fake.sequence('repos.communities.update', 'scheduler.replan')).toEqual([
      'repos.communities.update',
      'scheduler.replan',
    ]);
    expect(messages).toEqual([
      { text: 'Done: Question of the day = 10:00.', ephemeral: true },
      {
        title: '⚙️ Settings',
        fields: DEFAULT_FIELDS.map((f) =>
          f.name === 'Question of the day' ? { ...f, value: '10:00, Mon, Tue, Wed, Thu, Fri' } : f,
        ),
        ephemeral: true,
      },
    ]);
  });

  it('reads a time typed as 9h30 or 9:30 as 09:30', async () => {
    for (const typed of ['9h30', ' 9:30 ']) {
      const fake = configure('quiz-time', typed);
      await fake.run();
      expect(fake.community().quizTime).toBe('09:30');
    }
  });

  it.each([
    ['schedule', '0000-01-01T00:00', '"0000-01-01T00:00" is not a possible date and time.'],
    ['schedule', '2026-02-30T19:00', '"2026-02-30T19:00" is not a possible date and time.'],
    ['schedule', '2026-11-10T25:00', '"2026-11-10T25:00" is not a possible date and time.'],
    ['quiz-days', '-1', '"-1" are not weekdays.'],
    ['quiz-days', 'seg-', '"seg-" are not weekdays.'],
    ['quiz-time', '24:00', '"24:00" is not a time: use HH:MM (24 h), for example 09:00.'],
    ['timezone', 'Marte/Olimpo', '"Marte/Olimpo" is not a known timezone.'],
    ['locale', 'xx', 'Use pt-BR or en.'],
    ['locale', 'português', 'Use pt-BR or en.'],
    ['agenda', '15d', 'Use one lead such as 24h, 2d or 90m (up to 14 days).'],
    ['reminders', '1h,soon', 'Use leads like 24h,1h or 90m (up to 14 days).'],
  ] as const)('refuses %s %s with the value named, and stores nothing', async (setting, value, message) => {
    const fake = configure(setting, value);
    const error = await fake.refusal();
    expect(error.code).toBe('usage');
    expect(error.message.startsWith(message)).toBe(true);
    expect(fake.callsTo('repos.communities.update')).toEqual([]);
    expect(fake.callsTo('scheduler.replan')).toEqual([]);
  });

  it('asks for the missing value with an example', async () => {
    const error = await configure('quiz-days').refusal();
    expect(error.code).toBe('usage');
    expect(error.message).toBe('The value is missing. Example: /config quiz-days seg,ter,qua,qui,sex');
  });

  it('makes this channel the announcements channel, active from now on the first time', async () => {
    const fake = configure('channel');
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([
      [COMMUNITY_ID, { announceChannelId: 'chan-1', activeSince: NOW }],
    ]);
    expect(fake.callsTo('scheduler.replan')).toHaveLength(1);
    expect(messages[0]).toEqual({
      text: `Done: Announcements channel = ${channelMention('chan-1')}.`,
      ephemeral: true,
    });
    expect(field('Announcements channel', messages)).toBe(channelMention('chan-1'));
  });

  it('keeps the active-since instant when the channel only moves', async () => {
    const since = new Date('2026-11-12T12:00:00Z');
    const fake = configure('channel', undefined, {
      community: { announceChannelId: 'old', activeSince: since },
      place: { channelId: 'new' },
    });
    await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([
      [COMMUNITY_ID, { announceChannelId: 'new', activeSince: since }],
    ]);
  });

  it('warns, between the confirmation and the table, about permissions the bot lacks in the channel', async () => {
    const messages = await configure('channel', undefined, {
      place: { botLacks: ['history', 'threads'] },
    }).run();
    expect(messages).toHaveLength(3);
    // Other settings say nothing about the channel they were typed in.
    expect(await configure('quiz-time', '10:00', { place: { botLacks: ['history'] } }).run()).toHaveLength(2);
    expect(messages[1]).toEqual({
      text: expect.stringMatching(
        /^⚠️ I can't post everything in this channel yet: missing Read Message History, Create Public Threads\./,
      ),
      ephemeral: true,
    });
  });

  it('sets the timezone, and shows the times in it', async () => {
    const fake = configure('timezone', ' Europe/Lisbon ');
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([[COMMUNITY_ID, { timezone: 'Europe/Lisbon' }]]);
    expect(messages[0]).toEqual({ text: 'Done: Timezone = Europe/Lisbon.', ephemeral: true });
    expect(field('Timezone', messages)).toBe('Europe/Lisbon');
    // 19:00 in São Paulo is 22:00 in Lisbon.
    expect(field('First class', messages)).toMatch(/^Tuesday, November 10, 2026 at 10:00\sPM/);
  });

  it('answers in the new language at once', async () => {
    const fake = configure('locale', 'en', { locale: 'pt-BR' });
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([[COMMUNITY_ID, { locale: 'en' }]]);
    expect(messages[0]).toEqual({ text: 'Done: Language = en.', ephemeral: true });
    expect(messages[1]?.title).toBe('⚙️ Settings');
    expect(field('Language', messages)).toBe('en');
  });

  it('keeps answering in the member’s own platform language, and reads pt and en-GB', async () => {
    const fake = configure('locale', 'en-GB', { actor: { isAdmin: true, locale: 'pt-BR' } });
    const messages = await fake.run();
    expect(fake.community().locale).toBe('en');
    expect(messages[0]).toEqual({ text: 'Feito: Idioma = en.', ephemeral: true });
    const pt = configure('locale', 'pt');
    await pt.run();
    expect(pt.community().locale).toBe('pt-BR');
  });

  it('moves the first class, typed in the community’s time and stored in the course’s', async () => {
    const fake = configure('schedule', '2026-11-17 22:00', {
      locale: 'pt-BR',
      community: { timezone: 'UTC' },
    });
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([
      [COMMUNITY_ID, { firstClass: '2026-11-17T19:00' }],
    ]);
    expect(messages[0]).toEqual({
      text: 'Feito: Primeira aula = terça-feira, 17 de novembro de 2026 às 22:00.',
      ephemeral: true,
    });
    // No longer the course calendar's.
    expect(field('Primeira aula', messages)).toBe('terça-feira, 17 de novembro de 2026 às 22:00');
  });

  it('sets the quiz days from day names and ranges', async () => {
    const fake = configure('quiz-days', 'seg a qua, sex');
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([[COMMUNITY_ID, { quizDays: [1, 2, 3, 5] }]]);
    expect(messages[0]?.text).toBe('Done: Question of the day = Mon, Tue, Wed, Fri.');
    expect(field('Question of the day', messages)).toBe('09:00, Mon, Tue, Wed, Fri');
  });

  it('sets the agenda lead', async () => {
    const fake = configure('agenda', '2d');
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([[COMMUNITY_ID, { agendaLeadMinutes: 2880 }]]);
    expect(messages[0]?.text).toBe('Done: Lesson agenda = 2d before.');
  });

  it('sets the reminders, longest first and without repeats', async () => {
    const fake = configure('reminders', '1h, 24h 90m,1h');
    const messages = await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([
      [COMMUNITY_ID, { reminderLeadsMinutes: [1440, 90, 60] }],
    ]);
    expect(messages[0]?.text).toBe('Done: Reminders = 1d, 90m, 1h.');
    expect(field('Reminders', messages)).toBe('1d, 90m, 1h before class');
  });

  it('pauses the automatic posts, and on resume does not catch up on what fell due meanwhile', async () => {
    const since = new Date('2026-11-12T12:00:00Z');
    const pause = configure('pause', undefined, { community: { activeSince: since } });
    const paused = await pause.run();
    expect(pause.callsTo('repos.communities.update')).toEqual([
      [COMMUNITY_ID, { paused: true, activeSince: since }],
    ]);
    expect(paused[0]?.text).toBe('Done: Automatic posts: paused.');
    expect(field('Automatic posts', paused)).toBe('paused');

    const resume = configure('resume', undefined, { community: { paused: true, activeSince: since } });
    await resume.run();
    expect(resume.callsTo('repos.communities.update')).toEqual([
      [COMMUNITY_ID, { paused: false, activeSince: NOW }],
    ]);
    expect(resume.callsTo('scheduler.replan')).toHaveLength(1);
  });

  it('keeps the active-since instant on a resume of posts that were not paused', async () => {
    const since = new Date('2026-11-12T12:00:00Z');
    const fake = configure('resume', undefined, { community: { activeSince: since } });
    await fake.run();
    expect(fake.callsTo('repos.communities.update')).toEqual([
      [COMMUNITY_ID, { paused: false, activeSince: since }],
    ]);
  });

  it('shows the latest failing automated post, its error on one line', async () => {
    const failed: ScheduledRunRow = {
      id: 4,
      communityId: COMMUNITY_ID,
      kind: 'daily',
      target: 'day:2026-11-23',
      scheduledFor: NOW,
      status: 'failed',
      attempts: 3,
      nextAttemptAt: new Date('2026-11-23T12:04:00Z'),
      lastError: 'Missing Access\n   (code 50001).  ',
      messageRef: null,
      updatedAt: NOW,
    };
    const fake = fakeContext(config, { ...admin, repos: { runs: { latestFailure: () => failed } } });
    const messages = await fake.run();
    expect(fake.callsTo('repos.runs.latestFailure')).toEqual([[COMMUNITY_ID]]);
    expect(messages[0]?.fields?.at(-1)).toEqual({
      name: '⚠️ Automated post failing',
      value: expect.stringMatching(
        /^Question of the day of Monday, November 23, 2026 at 9:00\sAM failed \(3 attempt\(s\)\): Missing Access \(code 50001\)\. The bot retries/,
      ),
      inline: false,
    });
  });

  it('shows the course calendar for a first class stored before it was checked', async () => {
    const messages = await fakeContext(config, {
      ...admin,
      community: { firstClass: '-0001-12-31T20:53' },
    }).run();
    expect(field('First class', messages)).toMatch(
      /^Tuesday, November 10, 2026 at 7:00\sPM \(course calendar\)$/,
    );
  });
});
