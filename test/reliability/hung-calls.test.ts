// A platform call that never answers, against the real process (Slack HTTP mode): the other workspace is still
// served, the call is abandoned at its deadline, and SIGTERM ends the process within 10 s. Before, bolt's respond()
// and the Web API client had no timeout, and shutdown waited for the hung call forever.
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { startSlackBot } from '../e2e/slack/bot-process.ts';
import { FakeSlack, type FakeSlackUser } from '../e2e/slack/fake-slack.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a platform call that never answers', () => {
  it('leaves other workspaces served and does not keep SIGTERM from ending the process', async () => {
    const fake = new FakeSlack();
    await fake.listen();
    cleanups.push(() => fake.close());
    const ana: FakeSlackUser = { id: 'U0ANA', name: 'Ana' };
    fake.users.set(ana.id, ana);
    const { dir, cleanup } = tempDir('turma-hung-');
    cleanups.push(cleanup);
    const bot = await startSlackBot(fake, dir, cleanups);

    // Workspace A's answer (its response_url) never returns.
    const stuck = fake.slashCommand(ana, 'glossary', 'drift', 'C0PRESO', 'T0PRESO');
    fake.fault = (call) => (call.method === 'response' && call.responseId === stuck.id ? 'hang' : undefined);
    expect((await bot.send(stuck.body)).status).toBe(200);
    await fake.waitFor((c) => c.responseId === stuck.id);

    // Workspace B is answered meanwhile.
    const other = fake.slashCommand(ana, 'glossary', 'drift', 'C0LIVRE', 'T0LIVRE');
    const started = performance.now();
    expect((await bot.send(other.body)).status).toBe(200);
    expect(JSON.stringify(await fake.response(other.id))).toContain('Concept Drift');
    const otherMs = performance.now() - started;

    const stopAt = performance.now();
    bot.child.kill('SIGTERM');
    const [code] = (await once(bot.child, 'exit')) as [number | null];
    const exitMs = performance.now() - stopAt;
    console.log(
      `hung response_url: other workspace answered in ${otherMs.toFixed(0)} ms; SIGTERM → exit ${code} in ${exitMs.toFixed(0)} ms`,
    );
    expect(exitMs).toBeLessThan(10_000);
  });
});
