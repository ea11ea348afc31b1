import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import help from '../../commands/help.ts';
import { defineCommand } from '../../src/bot/command.ts';
import { fakeContext } from './fake-context.ts';

const admin = { actor: { isAdmin: true } };
const named = (text: string) => text.split('\n').map((l) => /^- `\/([a-z]+)/.exec(l)?.[1]);

describe('/help run()', () => {
  it('lists every command to an admin, privately, with usage and description, in the order of the command list', async () => {
    const messages = await fakeContext(help, { commands, ...admin }).run();
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.title).toBe('Turma — what I can do');
    expect(message!.footer).toBe('Tip: arguments are typed as in Slack, for example /glossary data drift.');
    expect(message!.ephemeral).toBe(true);
    const [intro, ...lines] = message!.text!.split('\n');
    expect(intro).toBe('I am the study group bot. Commands:');
    expect(lines).toHaveLength(commands.length);
    expect(lines.map((l) => /^- `\/([a-z]+)/.exec(l)?.[1])).toEqual(commands.map((c) => c.name));
    expect(lines).toContain(
      '- `/quiz [live|stop|daily] [lesson] [count] [seconds]` — ' + commands[0]!.description.en,
    );
    expect(lines).toContain(
      '- `/scores <void> <user> [week|month|all] [reason]` — Moderation: voids a member’s points for the period (recorded) (admin)',
    );
    expect(message!.text).not.toContain('also see the admin commands');
  });

  it('marks only the admin-only commands as admin', async () => {
    const [message] = await fakeContext(help, { commands, ...admin }).run();
    const marked = message!
      .text!.split('\n')
      .filter((l) => l.endsWith(' (admin)'))
      .map((l) => /^- `\/([a-z]+)/.exec(l)?.[1]);
    expect(marked).toEqual(commands.filter((c) => c.adminOnly).map((c) => c.name));
    expect(marked).toEqual(['config', 'scores', 'insights']);
  });

  it('shows a member only the commands a member may use, and one line saying monitors see more', async () => {
    const [message] = await fakeContext(help, { commands }).run();
    const lines = message!.text!.split('\n');
    expect(named(message!.text!).filter(Boolean)).toEqual(
      commands.filter((c) => !c.adminOnly).map((c) => c.name),
    );
    expect(message!.text).not.toContain('/config');
    expect(message!.text).not.toContain('(admin)');
    expect(lines.at(-1)).toBe('Monitors (the community’s admins) also see the admin commands.');
  });

  it('speaks the member’s language, descriptions included', async () => {
    const [message] = await fakeContext(help, { commands, locale: 'pt-BR' }).run();
    expect(message!.title).toBe('Turma — o que eu sei fazer');
    expect(message!.text).toContain(
      `\`/agenda [lesson]\` — ${commands.find((c) => c.name === 'agenda')!.description['pt-BR']}`,
    );
    expect(message!.text).toContain('Monitores (admins da comunidade) veem também');
  });

  it('describes the commands it is given, so a new command shows up without touching /help', async () => {
    const extra = defineCommand({
      name: 'ping',
      adminOnly: true,
      description: { 'pt-BR': 'Responde pong', en: 'Answers pong' },
      options: { times: { type: 'integer', required: true, description: { 'pt-BR': 'Vezes', en: 'Times' } } },
      run: () => ({ text: 'pong' }),
    });
    const [message] = await fakeContext(help, { commands: [extra], ...admin }).run();
    expect(message!.text).toBe(
      'I am the study group bot. Commands:\n- `/ping <times>` — Answers pong (admin)',
    );
    const [member] = await fakeContext(help, { commands: [extra] }).run();
    expect(member!.text).toBe(
      'I am the study group bot. Commands:\n\nMonitors (the community’s admins) also see the admin commands.',
    );
  });

  it('touches no repository', async () => {
    const fake = fakeContext(help, { commands });
    await fake.run();
    expect(fake.calls).toEqual([]);
  });
});
