// kill -9 of the bot in Slack's HTTP mode during a burst of clicks on the daily question: every click Slack got an
// HTTP 200 for is in the database after the restart (Slack never resends a request it got a 200 for), and when
// everyone clicks again nothing is scored twice. Before, the adapter acknowledged first and recorded after: 496 of
// 1,141 acknowledged clicks were lost.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { dailyAnswerers, ledgerOf } from './ledger.ts';
import { kill9 } from '../e2e/discord/bot-process.ts';
import { startSlackBot } from '../e2e/slack/bot-process.ts';
import { FakeSlack, type FakeSlackUser } from '../e2e/slack/fake-slack.ts';

const MEMBERS = 400;
/** Kill once this many clicks have been answered 200. */
const KILL_AFTER = 80;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Block = { type: string; elements?: { action_id?: string }[] };

describe('kill -9 during a burst of Slack clicks', () => {
  it('keeps every click that got a 200 and never scores twice', async () => {
    const fake = new FakeSlack();
    await fake.listen();
    cleanups.push(() => fake.close());
    const monitor: FakeSlackUser = { id: 'U0MONITORA', name: 'Monitora', admin: true };
    const members: FakeSlackUser[] = Array.from({ length: MEMBERS }, (_, i) => ({
      id: `U1${i}`,
      name: `m${i}`,
    }));
    for (const u of [monitor, ...members]) fake.users.set(u.id, u);
    const { dir, cleanup } = tempDir('turma-kill-slack-');
    cleanups.push(cleanup);

    const first = await startSlackBot(fake, dir, cleanups);
    const open = fake.slashCommand(monitor, 'quiz', 'daily');
    expect((await first.send(open.body)).status).toBe(200);
    const daily = await fake.response(open.id);
    const buttons = ((daily.blocks ?? []) as Block[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => e.action_id ?? '')
      .filter((id) => id.startsWith('qa:'));
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    const choice = (i: number) => buttons[(i * 7) % buttons.length]!;

    // The burst: every member clicks at once; a 200 is what Slack would count as delivered.
    const acknowledged: string[] = [];
    const burst = members.map((m, i) => {
      const click = fake.click(m, choice(i), { ts: '1700000000.000200' });
      return first.send(click.body).then(
        (res) => {
          if (res.status === 200) acknowledged.push(m.id);
        },
        () => undefined, // cut off by the kill: not acknowledged, Slack would resend it
      );
    });
    for (let i = 0; i < 1000 && acknowledged.length < KILL_AFTER; i++)
      await new Promise((r) => setTimeout(r, 2));
    await kill9(first);
    const seen = [...acknowledged];
    await Promise.all(burst);
    expect(seen.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(seen.length).toBeLessThan(MEMBERS);

    const second = await startSlackBot(fake, dir, cleanups);
    const read = new Database(path.join(dir, 'turma.sqlite'), { readonly: true });
    cleanups.push(() => {
      read.close();
    });
    const answered = dailyAnswerers(read);
    const lost = seen.filter((id) => !answered.has(id));

    // Everyone clicks again (new action_ts, as a person clicking again): first answers stand, nothing booked twice.
    const again = await Promise.all(
      members.map((m, i) => second.send(fake.click(m, choice(i), { ts: '1700000000.000200' }).body)),
    );
    expect(again.every((r) => r.status === 200)).toBe(true);
    const { answers, scoredTwice, rightAnswers, dailyEvents } = ledgerOf(read);
    console.log(
      `Slack kill -9 mid-burst: ${MEMBERS} clicks sent, ${seen.length} got 200 before the kill, ${lost.length} of them lost; ` +
        `after everyone clicked again: ${answers} answers, ${dailyEvents} daily score events for ${rightAnswers} right answers, ${scoredTwice} scored twice`,
    );
    expect(lost).toEqual([]);
    expect(answers).toBe(MEMBERS);
    expect(dailyEvents).toBe(rightAnswers);
    expect(scoredTwice).toBe(0);
  });
});
