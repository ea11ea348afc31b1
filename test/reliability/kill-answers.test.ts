// kill -9 of the bot in the middle of a burst of answers to the daily question: after a restart every answer the
// platform saw acknowledged is in the database, and when everyone clicks again nothing is scored twice.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { dailyAnswerers, ledgerOf } from './ledger.ts';
import { callbackOf, kill9, startBot } from '../e2e/discord/bot-process.ts';
import { FakeDiscord, type FakeUser, tokenOf } from '../e2e/discord/fake-discord.ts';

const MEMBERS = 1000;
/** Kill once this many answers have been acknowledged (callbacks received by the fake). */
const KILL_AFTER = 100;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('kill -9 during a burst of answers', () => {
  it('keeps every acknowledged answer and never scores twice', async () => {
    const fake = new FakeDiscord();
    await fake.listen();
    cleanups.push(() => fake.close());
    const { dir, cleanup } = tempDir('turma-kill-');
    cleanups.push(cleanup);

    const first = await startBot(fake, dir, cleanups);
    const monitor: FakeUser = { id: '500000000000000001', name: 'Monitora', admin: true };
    const open = fake.command(monitor, 'quiz', { mode: 'daily' });
    const opened = await fake.waitFor((r) => r.route === `/interactions/${open}/${tokenOf(open)}/callback`);
    const buttons = (
      opened.body as { data: { components: { components: { label: string; custom_id: string }[] }[] } }
    ).data.components.flatMap((row) => row.components);
    const members: FakeUser[] = Array.from({ length: MEMBERS }, (_, i) => ({
      id: String(600000000000000000n + BigInt(i)),
      name: `m${i}`,
    }));
    const choice = (i: number) => buttons[(i * 7) % buttons.length]!.custom_id;
    const message = { id: '700000000000000001', channel_id: '300000000000000001' };

    // The burst: every member clicks at once.
    const sent = members.map((m, i) => ({ member: m, id: fake.click(m, message, choice(i)) }));
    for (let i = 0; i < 600 && sent.filter((s) => callbackOf(fake, s.id)).length < KILL_AFTER; i++)
      await new Promise((r) => setTimeout(r, 2));
    await kill9(first);
    const acknowledged = sent.filter((s) => callbackOf(fake, s.id)).map((s) => s.member.id);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(MEMBERS);

    const db = path.join(dir, 'turma.sqlite');
    await startBot(fake, dir, cleanups);
    const read = new Database(db, { readonly: true });
    cleanups.push(() => {
      read.close();
    });
    const answered = dailyAnswerers(read);
    const found = acknowledged.filter((id) => answered.has(id)).length;

    // Everyone clicks again (as users do when the bot was down): first answers stand, nothing is booked twice.
    const again = members.map((m, i) => fake.click(m, message, choice(i)));
    await expect
      .poll(() => again.filter((id) => callbackOf(fake, id)).length, { timeout: 60_000, interval: 200 })
      .toBe(MEMBERS);
    const { answers, scoredTwice, rightAnswers, dailyEvents } = ledgerOf(read);

    console.log(
      `kill -9 mid-burst: ${MEMBERS} answers sent, ${acknowledged.length} acknowledged before the kill, ` +
        `${found}/${acknowledged.length} found after restart (${answered.size} in the database in all); after everyone clicked again: ${answers} answers ` +
        `(one per member), ${dailyEvents} daily score events for ${rightAnswers} right answers, ${scoredTwice} scored twice`,
    );
    expect(found).toBe(acknowledged.length);
    expect(answers).toBe(MEMBERS);
    expect(dailyEvents).toBe(rightAnswers);
    expect(scoredTwice).toBe(0);
  });
});
