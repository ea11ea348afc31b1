// kill -9 of the bot in the middle of a scheduled post (Discord has the request, the bot never hears back): after a
// restart the post is retried with the same nonce, Discord recognises it, and the channel has it exactly once.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { CHANNEL_ID, FakeDiscord, type FakeUser, tokenOf } from '../e2e/discord/fake-discord.ts';
import { kill9, startBot } from '../e2e/discord/bot-process.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const isDaily = (body: unknown) => JSON.stringify(body).includes('Pergunta do dia');

describe('kill -9 during a scheduled post', () => {
  it('posts the daily question once after the restart', async () => {
    const fake = new FakeDiscord();
    await fake.listen();
    cleanups.push(() => fake.close());
    const { dir, cleanup } = tempDir('turma-kill-post-');
    cleanups.push(cleanup);
    const env = { BOT_TIMEZONE: 'UTC' };
    const first = await startBot(fake, dir, cleanups, env);

    // The daily question every day at the coming minute, in this channel.
    const monitor: FakeUser = { id: '500000000000000001', name: 'Monitora', admin: true };
    const at = new Date(Date.now() + 60_000);
    const hhmm = at.toISOString().slice(11, 16);
    for (const [setting, value] of [
      ['channel', undefined],
      ['quiz-days', 'seg,ter,qua,qui,sex,sab,dom'],
      ['quiz-time', hhmm],
    ] as const) {
      const id = fake.command(monitor, 'config', value ? { setting, value } : { setting });
      await fake.waitFor((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`);
    }

    // Discord receives the post but the bot dies before hearing back.
    let release = () => {};
    fake.holdChannelPosts = new Promise((resolve) => (release = resolve));
    const isDailyPost = (r: { method: string; route: string; body: unknown }) =>
      r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages` && isDaily(r.body);
    await fake.waitFor(isDailyPost, 150_000);
    await kill9(first);
    fake.holdChannelPosts = undefined;
    release();

    await startBot(fake, dir, cleanups, env);
    const read = new Database(path.join(dir, 'turma.sqlite'), { readonly: true });
    cleanups.push(() => {
      read.close();
    });
    const run = () =>
      read.prepare("select status, attempts from scheduled_runs where kind = 'daily'").get() as
        { status: string; attempts: number } | undefined;
    await expect.poll(() => run()?.status, { timeout: 30_000, interval: 200 }).toBe('done');

    const attempts = fake.requests.filter(isDailyPost).length;
    const inChannel = fake.created.filter((m) => isDaily(m.embeds)).length;
    const instances = read
      .prepare("select count(*) from question_instances where kind = 'daily' and message_ref is not null")
      .pluck()
      .get() as number;
    console.log(
      `kill -9 mid-post: ${attempts} attempts to post the daily question (the first cut off by the kill), ` +
        `${inChannel} message in the channel, run ${run()?.status} after ${run()?.attempts} claims`,
    );
    expect(attempts).toBe(2);
    expect(inChannel).toBe(1);
    expect(instances).toBe(1);
  });
});
