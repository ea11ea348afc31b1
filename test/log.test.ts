import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { CONTENT_DIR } from './helpers.ts';

describe('logs', () => {
  it('never contain secrets, however deep in the logged object', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const logger = createLogger('info', out);
    const config = loadConfig({
      CONTENT_DIR,
      DISCORD_TOKEN: 'discord-secret-token',
      DISCORD_APPLICATION_ID: '123456789012345678',
      SLACK_BOT_TOKEN: 'xoxb-slack-secret',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
    });
    logger.info({ config }, 'starting');
    logger.error(
      { err: new Error('boom'), request: { headers: { authorization: 'Bearer abc.def' } } },
      'failed',
    );
    logger.info({ token: 'top-level-secret' }, 'login');
    // A failed Discord call, as discord.js reports it: the body sent and the URL (an interaction token in it).
    const apiError = Object.assign(new Error('Unknown interaction'), {
      code: 10062,
      url: 'https://discord.com/api/v10/webhooks/1/interaction-webhook-token/messages/@original',
      requestBody: { json: { content: 'https://turma.example/calendar/feed-secret-token.ics' } },
    });
    logger.error({ err: apiError }, 'reply failed');
    logger.warn({ community: 1, err: apiError }, 'post failed');
    expect(text).toContain('Unknown interaction');
    expect(text).toContain('starting');
    expect(text).toContain('[redacted]');
    for (const secret of [
      'discord-secret-token',
      'xoxb-slack-secret',
      'signing-secret-value',
      'top-level-secret',
      'interaction-webhook-token',
      'feed-secret-token',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
