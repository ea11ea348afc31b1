// One contract, every adapter: the same scenarios through the shell, the real discord.js client on the fake Discord
// and the real bolt app on the fake Slack, checked the same way (what the user sees, whether it is private, what
// the database recorded).
import { afterEach, describe, expect, it } from 'vitest';
import { SHELL_COMMUNITY } from '../../src/platforms/shell/shell.ts';
import { count, letters } from '../quiz/helpers.ts';
import { makeTestApp, shellFor, type TestApp } from '../helpers.ts';
import { CHANNEL_ID as DISCORD_CHANNEL, type FakeUser, GUILD_ID } from '../e2e/discord/fake-discord.ts';
import { startDiscordRig } from '../e2e/discord/harness.ts';
import { TEAM_ID } from '../e2e/slack/fake-slack.ts';
import { startSlackRig } from '../e2e/slack/harness.ts';

/** What one reply looked like to the user. */
interface Seen {
  text: string;
  private: boolean;
  buttons: { label: string; id: string }[];
}

interface User {
  name: string;
  admin?: boolean;
}

interface Driver {
  app: TestApp;
  /** The community the platform's events land in (for database checks). */
  community: { platform: string; externalId: string };
  /** A command as the platform delivers it: text (shell, Slack) or typed values (Discord). */
  command(user: User, name: string, text: string, values: Record<string, string | number>): Promise<Seen>;
  /** Clicks the button with this label on the last message that had buttons. */
  click(user: User, label: string): Promise<Seen>;
  dispose(): Promise<void>;
}

const ids = new Map<string, string>();
const idOf = (prefix: string, name: string) => {
  if (!ids.has(`${prefix}${name}`))
    ids.set(`${prefix}${name}`, `${prefix}${String(ids.size + 1).padStart(3, '0')}`);
  return ids.get(`${prefix}${name}`)!;
};

async function shellDriver(): Promise<Driver> {
  const app = makeTestApp();
  const sh = shellFor(app);
  let lastButtons: Seen['buttons'] = [];
  const seen = (out: string): Seen => {
    const buttons = [...out.matchAll(/^ {2}\[\d+\] (.+)$/gm)].map((m) => ({ label: m[1]!, id: m[1]! }));
    if (buttons.length) lastButtons = buttons;
    return { text: out, private: out.includes('[só você]'), buttons };
  };
  const as = (u: User) => [`!as ${u.name}`, `!admin ${u.admin ? 'on' : 'off'}`];
  return {
    app,
    community: { platform: 'shell', externalId: SHELL_COMMUNITY },
    command: async (u, name, text) => seen(await sh.run([...as(u), `/${name} ${text}`])),
    click: async (u, label) => {
      if (!lastButtons.some((b) => b.label === label)) throw new Error(`no button ${label}`);
      return seen(await sh.run([...as(u), `!click ${label}`]));
    },
    dispose: () => app.dispose(),
  };
}

async function discordDriver(): Promise<Driver> {
  const rig = await startDiscordRig();
  let last: { buttons: Seen['buttons']; ephemeral: boolean } = { buttons: [], ephemeral: false };
  const user = (u: User): FakeUser => ({
    id: `5${idOf('', u.name).padStart(17, '0')}`,
    name: u.name,
    admin: u.admin,
  });
  const seen = (cb: { data?: Record<string, unknown> }): Seen => {
    const data = cb.data ?? {};
    const rows = (data.components ?? []) as { components: { label: string; custom_id: string }[] }[];
    const buttons = rows.flatMap((r) => r.components).map((b) => ({ label: b.label, id: b.custom_id }));
    const isPrivate = data.flags === 64;
    if (buttons.length) last = { buttons, ephemeral: isPrivate };
    return { text: JSON.stringify(data), private: isPrivate, buttons };
  };
  return {
    app: rig.app,
    community: { platform: 'discord', externalId: GUILD_ID },
    command: async (u, name, _text, values) =>
      seen(await rig.callback(rig.fake.command(user(u), name, values))),
    click: async (u, label) => {
      const button = last.buttons.find((b) => b.label === label)!;
      const message = { id: '800000000000000001', channel_id: DISCORD_CHANNEL, ephemeral: last.ephemeral };
      return seen(await rig.callback(rig.fake.click(user(u), message, button.id)));
    },
    dispose: () => rig.dispose(),
  };
}

async function slackDriver(): Promise<Driver> {
  const rig = await startSlackRig([]);
  let last: { buttons: Seen['buttons']; ephemeral: boolean } = { buttons: [], ephemeral: false };
  const user = (u: User) => {
    const id = idOf('U', u.name);
    rig.fake.users.set(id, { id, name: u.name, admin: u.admin });
    return { id, name: u.name };
  };
  const seen = (reply: Record<string, unknown>): Seen => {
    const blocks = (reply.blocks ?? []) as { elements?: { text: { text: string }; action_id: string }[] }[];
    const buttons = blocks
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.action_id)
      .map((e) => ({ label: e.text.text, id: e.action_id }));
    const isPrivate =
      reply.response_type === 'ephemeral' || (reply.replace_original === true && last.ephemeral);
    if (buttons.length) last = { buttons, ephemeral: isPrivate };
    return { text: JSON.stringify(reply), private: isPrivate, buttons };
  };
  return {
    app: rig.app,
    community: { platform: 'slack', externalId: TEAM_ID },
    command: async (u, name, text) => seen(await rig.command(user(u), name, text)),
    click: async (u, label) => {
      const button = last.buttons.find((b) => b.label === label)!;
      const click = rig.fake.click(user(u), button.id, { ts: '1.1', ephemeral: last.ephemeral });
      await rig.send(click.body);
      return seen(await rig.fake.response(click.id));
    },
    dispose: () => rig.dispose(),
  };
}

const drivers = { shell: shellDriver, discord: discordDriver, slack: slackDriver };
const ana: User = { name: 'ana' };
const bruno: User = { name: 'bruno' };
const monitor: User = { name: 'monitora', admin: true };

describe.each(Object.entries(drivers))('the adapter contract on %s', (_platform, start) => {
  let d: Driver;
  afterEach(async () => {
    await d?.dispose();
  });

  it('answers /glossary drift publicly with both drifts', async () => {
    d = await start();
    const seen = await d.command(ana, 'glossary', 'drift', { term: 'drift' });
    expect(seen.private).toBe(false);
    expect(seen.text).toContain('Data Drift');
    expect(seen.text).toContain('Concept Drift');
  });

  it('refuses an admin command to a member, privately', async () => {
    d = await start();
    const seen = await d.command(ana, 'config', 'show', { setting: 'show' });
    expect(seen.private).toBe(true);
    expect(seen.text).toContain('Só quem administra a comunidade');
  });

  it('runs practice privately and scores the click once', async () => {
    d = await start();
    const card = await d.command(ana, 'quiz', '', {});
    expect(card.private).toBe(true);
    expect(card.buttons.map((b) => b.label)).toContain('A');
    await d.click(ana, letters(d.app, 'practice').right);
    expect(count(d.app, "select count(*) from score_events where kind = 'practice'")).toBe(1);
  });

  it('counts only the first answer of each member to the daily question', async () => {
    d = await start();
    const daily = await d.command(monitor, 'quiz', 'daily', { mode: 'daily' });
    expect(daily.private).toBe(false);
    const { right, wrong } = letters(d.app, 'daily');
    const first = await d.click(ana, right);
    const again = await d.click(ana, wrong);
    await d.click(bruno, wrong);
    expect(first.private).toBe(true);
    expect(again.text).toContain(`Você já respondeu ${right}`);
    expect(count(d.app, 'select count(*) from answers')).toBe(2);
    expect(count(d.app, "select count(*) from score_events where kind = 'daily'")).toBe(1);
    expect(
      count(
        d.app,
        'select count(*) from communities where platform = ? and external_id = ?',
        d.community.platform,
        d.community.externalId,
      ),
    ).toBe(1);
  });
});
