// Hostile requests to the real process in Slack's HTTP mode: any method, any body, signed or not, huge or truncated,
// gets a 4xx and the bot goes on serving. Before, a GET or a signed `payload=null` ended the process.
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.ts';
import { startSlackBot } from './bot-process.ts';
import { FakeSlack } from './fake-slack.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const form = (payload: string) => new URLSearchParams({ payload }).toString();

describe('hostile requests to /slack/events', () => {
  it('answers every method, malformed and unsigned body with a 4xx and keeps serving', async () => {
    const fake = new FakeSlack();
    await fake.listen();
    cleanups.push(() => fake.close());
    fake.users.set('U0ANA', { id: 'U0ANA', name: 'Ana' });
    const { dir, cleanup } = tempDir('turma-hostile-');
    cleanups.push(cleanup);
    const bot = await startSlackBot(fake, dir, cleanups);
    const url = `http://127.0.0.1:${bot.port}/slack/events`;

    const statuses: Record<string, number> = {};
    for (const method of ['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'PATCH']) {
      const res = await fetch(url, { method, ...(method === 'PUT' ? { body: 'x' } : {}) });
      statuses[method] = res.status;
    }
    const signedBodies: Record<string, [string, string]> = {
      'payload=null': [form('null'), 'application/x-www-form-urlencoded'],
      'payload=1': [form('1'), 'application/x-www-form-urlencoded'],
      'payload="x"': [form('"x"'), 'application/x-www-form-urlencoded'],
      'payload=[]': [form('[]'), 'application/x-www-form-urlencoded'],
      'payload={': [form('{'), 'application/x-www-form-urlencoded'],
      'payload={}': [form('{}'), 'application/x-www-form-urlencoded'],
      'block_actions without fields': [form('{"type":"block_actions"}'), 'application/x-www-form-urlencoded'],
      'block_actions with nulls': [
        form('{"type":"block_actions","user":null,"actions":null,"team":null}'),
        'application/x-www-form-urlencoded',
      ],
      'view_submission without a view': [
        form('{"type":"view_submission"}'),
        'application/x-www-form-urlencoded',
      ],
      'a form without a command': ['a=b', 'application/x-www-form-urlencoded'],
      'JSON null': ['null', 'application/json'],
      'JSON array': ['[1,2]', 'application/json'],
      'JSON string': ['"x"', 'application/json'],
      'truncated JSON': ['{"type":"event_callback","event":', 'application/json'],
      'JSON event without event': ['{"type":"event_callback"}', 'application/json'],
    };
    await Promise.all(
      Object.entries(signedBodies).map(async ([name, [body, contentType]]) => {
        const headers = { ...fake.sign(body), 'content-type': contentType };
        statuses[`signed ${name}`] = (await bot.send(body, headers)).status;
      }),
    );
    statuses['unsigned payload=null'] = (
      await bot.send(form('null'), { 'content-type': 'application/x-www-form-urlencoded' })
    ).status;
    const huge = 'x'.repeat(2 * 1024 * 1024);
    statuses['signed 2 MB body'] = (await bot.send(huge, fake.sign(huge))).status;

    for (const [name, status] of Object.entries(statuses)) {
      expect(status, name).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
    }
    expect(bot.alive()).toBe(true);
    // Still serving: a real command is answered.
    const command = fake.slashCommand({ id: 'U0ANA', name: 'Ana' }, 'glossary', 'drift');
    expect((await bot.send(command.body)).status).toBe(200);
    expect(JSON.stringify(await fake.response(command.id))).toContain('Concept Drift');
    expect((await bot.health()).status).toBe(200);
    console.log(`hostile requests: ${JSON.stringify(statuses)}`);
  });
});
