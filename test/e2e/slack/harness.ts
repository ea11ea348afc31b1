// Starts a real app and the real bolt app (HTTP receiver on a free port) with its Web API pointed at the fake.
import type { AppOptions } from '../../../src/app.ts';
import { silentLogger } from '../../../src/log.ts';
import { HttpServer } from '../../../src/http-server.ts';
import { SlackAdapter } from '../../../src/platforms/slack/adapter.ts';
import { makeTestApp, type TestApp } from '../../helpers.ts';
import { FakeSlack, type FakeSlackUser } from './fake-slack.ts';

export interface SlackRig {
  fake: FakeSlack;
  app: TestApp;
  adapter: SlackAdapter;
  /** POSTs a signed body to /slack/events; the HTTP status and text of the app's response. */
  send(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Runs a slash command and returns its first response_url answer. */
  command(user: FakeSlackUser, name: string, text?: string): Promise<Record<string, unknown>>;
  dispose(): Promise<void>;
}

export async function startSlackRig(
  users: FakeSlackUser[],
  start = new Date('2026-11-23T12:00:00Z'),
  options: AppOptions & { adminUserIds?: string[]; socketMode?: boolean } = {},
): Promise<SlackRig> {
  const fake = new FakeSlack();
  await fake.listen();
  for (const u of users) fake.users.set(u.id, u);
  const app = makeTestApp(start, {}, undefined, options);
  const http = new HttpServer();
  const adapter = new SlackAdapter({
    bot: app.bot,
    botToken: 'xoxb-fake-token',
    signingSecret: 'fake-signing-secret',
    ...(options.socketMode ? { appToken: 'xapp-fake-app-token' } : {}),
    apiUrl: fake.apiUrl,
    adminUserIds: options.adminUserIds ?? [],
    http,
    metrics: app.metrics,
    logger: silentLogger(),
    locale: 'pt-BR',
  });
  app.messenger.register(adapter);
  await adapter.start();
  await http.listen(0, '127.0.0.1');
  const send = async (body: string, headers = fake.sign(body)) => {
    const res = await fetch(`http://127.0.0.1:${http.port}/slack/events`, {
      method: 'POST',
      body,
      headers,
    });
    return { status: res.status, text: await res.text() };
  };
  return {
    fake,
    app,
    adapter,
    send,
    async command(user, name, text = '') {
      const { id, body } = fake.slashCommand(user, name, text);
      const res = await send(body);
      if (res.status !== 200) throw new Error(`slash command got HTTP ${res.status}`);
      return fake.response(id);
    },
    async dispose() {
      await http.close();
      await adapter.stop();
      await app.dispose();
      await fake.close();
    },
  };
}
