import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { CONTENT_DIR } from './helpers.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({ CONTENT_DIR });
    expect(config.databasePath).toBe('./data/turma.sqlite');
    expect(config.timezone).toBe('America/Sao_Paulo');
    expect(config.locale).toBe('pt-BR');
    expect(config.port).toBe(3000);
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once, each naming its setting', () => {
    const problems = problemsOf({
      CONTENT_DIR: '/nonexistent/turma-content',
      BOT_TIMEZONE: 'Mars/Olympus_Mons',
      DISCORD_API_URL: 'not a url',
      BOT_LOCALE: 'fr',
      PORT: '99999',
      DATABASE_URL: 'postgres://x',
    });
    const keys = problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'CONTENT_DIR',
        'BOT_TIMEZONE',
        'DISCORD_API_URL',
        'BOT_LOCALE',
        'PORT',
        'DATABASE_URL',
      ]),
    );
    expect(problems.find((p) => p.startsWith('BOT_TIMEZONE'))).toContain('Mars/Olympus_Mons');
  });

  it('requires the companions of platform tokens', () => {
    const problems = problemsOf({ CONTENT_DIR, DISCORD_TOKEN: 'abc', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(problems.some((p) => p.startsWith('DISCORD_APPLICATION_ID'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SLACK_APP_TOKEN'))).toBe(true);
  });

  it('never echoes secrets in its messages', () => {
    const problems = problemsOf({
      CONTENT_DIR,
      SLACK_BOT_TOKEN: 'super-secret-value',
      SLACK_SIGNING_SECRET: 's',
    });
    expect(problems.join('\n')).not.toContain('super-secret-value');
  });

  it('builds the platform sections from valid tokens', () => {
    const config = loadConfig({
      CONTENT_DIR,
      DISCORD_TOKEN: 'token',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_ADMIN_USER_IDS: 'U1ABC, U2DEF',
    });
    expect(config.discord?.apiUrl).toBe('http://127.0.0.1:9999/api');
    expect(config.slack?.adminUserIds).toEqual(['U1ABC', 'U2DEF']);
  });

  it('takes DISCORD_SHARDS as auto (the default) or a positive count, and refuses anything else naming the value', () => {
    const discord = { CONTENT_DIR, DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456789012345678' };
    expect(loadConfig(discord).discord?.shards).toBe('auto');
    expect(loadConfig({ ...discord, DISCORD_SHARDS: ' ' }).discord?.shards).toBe('auto');
    expect(loadConfig({ ...discord, DISCORD_SHARDS: 'auto' }).discord?.shards).toBe('auto');
    expect(loadConfig({ ...discord, DISCORD_SHARDS: '3' }).discord?.shards).toBe(3);
    for (const bad of ['0', '-2', '1.5', 'two', '1001', '2e3']) {
      expect(problemsOf({ ...discord, DISCORD_SHARDS: bad })).toEqual([
        `DISCORD_SHARDS: must be auto (the shard count Discord recommends) or a whole number of shards from 1 to 1000 (got "${bad}")`,
      ]);
    }
  });

  it('says what a valid Discord id looks like and where to copy it from', () => {
    const problems = problemsOf({
      CONTENT_DIR,
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '5',
      DISCORD_GUILD_ID: 'abc',
    });
    expect(problems.find((p) => p.startsWith('DISCORD_APPLICATION_ID'))).toBe(
      'DISCORD_APPLICATION_ID: must be the application id, a 17–20 digit number: Discord Developer Portal → your application → General Information → Application ID (got "5")',
    );
    expect(problems.find((p) => p.startsWith('DISCORD_GUILD_ID'))).toContain('Copy Server ID');
  });

  it('takes the shell start as a real local date and time', () => {
    expect(loadConfig({ CONTENT_DIR, TURMA_SHELL_START: '2026-11-09 08:00' }).shellStart).toBe(
      '2026-11-09T08:00',
    );
    expect(problemsOf({ CONTENT_DIR, TURMA_SHELL_START: '2026-02-30T08:00' })[0]).toMatch(
      /^TURMA_SHELL_START: must be/,
    );
  });

  it('takes PUBLIC_URL as an http(s) base without a trailing slash, and refuses anything else by name', () => {
    expect(loadConfig({ CONTENT_DIR }).publicUrl).toBeUndefined();
    expect(loadConfig({ CONTENT_DIR, PUBLIC_URL: 'https://turma.example.org/' }).publicUrl).toBe(
      'https://turma.example.org',
    );
    expect(loadConfig({ CONTENT_DIR, PUBLIC_URL: 'http://127.0.0.1:3000/turma' }).publicUrl).toBe(
      'http://127.0.0.1:3000/turma',
    );
    for (const bad of [
      'turma.example.org',
      'ftp://turma.example.org',
      'https://x.org/?a=1',
      'javascript:alert(1)',
    ])
      expect(problemsOf({ CONTENT_DIR, PUBLIC_URL: bad })[0], bad).toMatch(/^PUBLIC_URL: /);
  });
});
