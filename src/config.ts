// The only reader of process.env: one zod parse at start-up, a frozen typed config, every problem listed at once.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isLocale, type Locale } from './core/i18n.ts';
import { isRealLocalDate, isValidTimeZone } from './core/time.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(
  blankToUndefined,
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:8080/api' }).optional(),
);

/** More shards than one process should hold (Discord's own 2,500-guild shards: 2.5 million guilds). */
const MAX_SHARDS = 1000;

const envSchema = z
  .object({
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(
          /^\d{17,20}$/,
          'must be the application id, a 17–20 digit number: Discord Developer Portal → your application → General Information → Application ID',
        )
        .optional(),
    ),
    DISCORD_GUILD_ID: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(
          /^\d{17,20}$/,
          'must be a server id, a 17–20 digit number: in Discord turn on User Settings → Advanced → Developer Mode, then right-click the server → Copy Server ID',
        )
        .optional(),
    ),
    DISCORD_API_URL: optionalUrl,
    DISCORD_SHARDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .default('auto')
        .refine(
          (v) => v === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SHARDS),
          `must be auto (the shard count Discord recommends) or a whole number of shards from 1 to ${MAX_SHARDS}`,
        )
        .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v))),
    ),
    SLACK_BOT_TOKEN: z.preprocess(
      blankToUndefined,
      z.string().startsWith('xoxb-', 'must start with xoxb- (the Bot User OAuth Token)').optional(),
    ),
    SLACK_APP_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .startsWith('xapp-', 'must start with xapp- (an app-level token with connections:write)')
        .optional(),
    ),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_API_URL: optionalUrl,
    SLACK_ADMIN_USER_IDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .optional()
        .transform((v) => (v ? v.split(',').map((s) => s.trim()) : []).filter(Boolean))
        .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'must be Slack user ids like U012ABCDEF'))),
    ),
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('file:./data/turma.sqlite')
        .refine(
          (v) => v.startsWith('file:') && v.length > 'file:'.length,
          'must be file: followed by a path',
        ),
    ),
    CONTENT_DIR: z.preprocess(blankToUndefined, z.string().default('./content')),
    BOT_TIMEZONE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('America/Sao_Paulo')
        .refine(isValidTimeZone, 'unknown IANA timezone (e.g. America/Sao_Paulo)'),
    ),
    BOT_LOCALE: z.preprocess(
      blankToUndefined,
      z.string().default('pt-BR').refine(isLocale, 'must be pt-BR or en'),
    ),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z
        .url({
          protocol: /^https?$/,
          error: 'must be the http(s) address people reach this bot at, e.g. https://turma.example.org',
        })
        .refine((v) => !/[?#]/.test(v), 'must be a base address without ? or #')
        .optional(),
    ),
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
    TURMA_SHELL_START: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(
          (v) => isRealLocalDate(v.replace(' ', 'T')),
          'must be a local date and time like 2026-11-09T08:00 (where the shell clock starts)',
        )
        .optional(),
    ),
    BACKUP_DIR: optionalText,
    BACKUP_KEEP: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(14)),
    BACKUP_TIME: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('03:00')
        .refine((v) => v === 'off' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'must be HH:MM (24 h) or off'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'is required when DISCORD_TOKEN is set',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) with SLACK_BOT_TOKEN',
      });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set',
      });
    }
    const dir = path.resolve(env.CONTENT_DIR);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      ctx.addIssue({ code: 'custom', path: ['CONTENT_DIR'], message: `${dir} is not a readable directory` });
    } else {
      try {
        accessSync(dir, constants.R_OK);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['CONTENT_DIR'], message: `${dir} is not readable` });
      }
    }
  });

/** Everything the bot reads from its environment, validated and frozen. */
export interface Config {
  readonly databasePath: string;
  readonly contentDir: string;
  readonly timezone: string;
  readonly locale: Locale;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly port: number;
  /** PUBLIC_URL without a trailing slash: the base of links the bot prints (the calendar feed); none when unset. */
  readonly publicUrl?: string;
  /** The shell's simulated clock starts here (local time, BOT_TIMEZONE); `npm start -- --at …` overrides it. */
  readonly shellStart?: string;
  /** Nightly online backups: where, how many to keep, at what local time (undefined: off). */
  readonly backup: { readonly dir: string; readonly keep: number; readonly time?: string };
  readonly discord?: {
    readonly token: string;
    readonly applicationId: string;
    readonly guildId?: string;
    readonly apiUrl?: string;
    /** Gateway shards: 'auto' takes the count Discord recommends (GET /gateway/bot), a number forces it. */
    readonly shards: 'auto' | number;
  };
  readonly slack?: {
    readonly botToken: string;
    readonly appToken?: string;
    readonly signingSecret?: string;
    readonly apiUrl?: string;
    readonly adminUserIds: readonly string[];
  };
}

/** Thrown with every problem of the environment, one per line, ready to print. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Turma cannot start; fix these settings (in the environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'environment');
        const shown =
          key in env && !/TOKEN|SECRET/.test(key) ? ` (got "${String(env[key]).slice(0, 60)}")` : '';
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  const config: Config = {
    databasePath: e.DATABASE_URL.slice('file:'.length),
    contentDir: path.resolve(e.CONTENT_DIR),
    timezone: e.BOT_TIMEZONE,
    locale: e.BOT_LOCALE as Locale,
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.TURMA_SHELL_START ? { shellStart: e.TURMA_SHELL_START.replace(' ', 'T') } : {}),
    backup: {
      dir: path.resolve(
        e.BACKUP_DIR ?? path.join(path.dirname(e.DATABASE_URL.slice('file:'.length)), 'backups'),
      ),
      keep: e.BACKUP_KEEP,
      ...(e.BACKUP_TIME === 'off' ? {} : { time: e.BACKUP_TIME }),
    },
    ...(e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
      ? {
          discord: {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            guildId: e.DISCORD_GUILD_ID,
            apiUrl: e.DISCORD_API_URL,
            shards: e.DISCORD_SHARDS,
          },
        }
      : {}),
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            appToken: e.SLACK_APP_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            apiUrl: e.SLACK_API_URL,
            adminUserIds: e.SLACK_ADMIN_USER_IDS,
          },
        }
      : {}),
  };
  return Object.freeze(config);
}

/** Loads ./.env into process.env when present (Node's own parser); real environment variables win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
