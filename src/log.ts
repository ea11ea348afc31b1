// Structured logs on stderr (stdout belongs to the shell adapter): readable in a terminal, JSON lines otherwise.
// Secrets are redacted wherever they appear in a logged object, at any of the usual depths. pino-pretty (and what it
// pulls in) is loaded only for a terminal: a deployed process writing JSON lines never holds it.
import { createRequire } from 'node:module';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';

export type Logger = pino.Logger;

const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'password', 'secret'];

// What a failed platform call carries beside its message: discord.js's DiscordAPIError keeps the request body (a
// reply holding a calendar link, say) and the URL (an interaction's webhook token); the message and code stay.
const REQUEST_KEYS = ['requestBody', 'url'];

export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  ...REQUEST_KEYS.flatMap((k) => [`err.${k}`, `*.err.${k}`]),
];

export function createLogger(
  level: string,
  destination: NodeJS.WritableStream | undefined = undefined,
  terminal = Boolean(process.stderr.isTTY),
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (!terminal) return pino(options, pino.destination({ fd: 2, sync: true }));
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  return pino(options, pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss' }));
}

/** A logger that drops everything, for tests. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
