// Wires the bot together from a config: content (validated first, so a broken file never touches the database),
// database, repositories, timers, the quiz engine and commands. Shared by main.ts and the tests.
import { commands as allCommands } from '../commands/index.ts';
import { Bot } from './bot/bot.ts';
import { EventSync } from './calendar/event-sync.ts';
import type { Command } from './bot/command.ts';
import { type ContentStore, loadContentStore } from './content/store.ts';
import { Messenger } from './platforms/messenger.ts';
import type { Config } from './config.ts';
import type { RateLimit } from './core/rate-limit.ts';
import type { Clock } from './core/time.ts';
import { type DatabaseHandle, openDatabase } from './db/open.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { QuizEngine } from './quiz/engine.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { Timers } from './timers.ts';

export interface App {
  config: Config;
  content: ContentStore;
  database: DatabaseHandle;
  repos: Repositories;
  bot: Bot;
  quiz: QuizEngine;
  scheduler: Scheduler;
  /** Platform scheduled events per lesson (Discord registers its port); synced at resume and daily. */
  events: EventSync;
  clock: Clock;
  timers: Timers;
  messenger: Messenger;
  logger: Logger;
  metrics: Metrics;
  /** Call once the platforms are registered with the messenger: resumes what was pending before a restart. */
  resume(): Promise<void>;
  /** Lets in-flight timer work finish, then closes the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Timers also fire by themselves in real time (production, interactive shell); tests move the clock instead. */
  realTime?: boolean;
  commands?: readonly Command[];
  /** Per-user flood control (default: USER_RATE_LIMIT); false turns it off. */
  rateLimit?: RateLimit | false;
  /** Metrics to count into (default: a fresh registry without process metrics). */
  metrics?: Metrics;
}

export function createApp(config: Config, clock: Clock, logger: Logger, options: AppOptions = {}): App {
  const content = loadContentStore(config.contentDir);
  const database = openDatabase(config.databasePath);
  const repos = createRepositories(database.db, database.sqlite);
  const timers = new Timers(clock, logger, options.realTime ?? false);
  const metrics = options.metrics ?? new Metrics();
  const messenger = new Messenger(metrics);
  const quiz = new QuizEngine({
    repos,
    content,
    clock,
    timers,
    messenger,
    timezone: config.timezone,
    locale: config.locale,
    logger,
    metrics,
  });
  const events = new EventSync({ repos, content, clock, timers, logger, locale: config.locale });
  const scheduler = new Scheduler({
    events,
    repos,
    quiz,
    messenger,
    content,
    clock,
    timers,
    logger,
    timezone: config.timezone,
    locale: config.locale,
    metrics,
  });
  const bot = new Bot({
    events,
    commands: options.commands ?? allCommands,
    content,
    repos,
    quiz,
    scheduler,
    clock,
    logger,
    defaultLocale: config.locale,
    defaultTimezone: config.timezone,
    rateLimit: options.rateLimit,
    metrics,
    publicUrl: config.publicUrl,
  });
  return {
    config,
    content,
    database,
    repos,
    bot,
    quiz,
    scheduler,
    events,
    clock,
    timers,
    messenger,
    logger,
    metrics,
    async resume() {
      await quiz.resume();
      await scheduler.start({ cron: options.realTime ?? false });
      await events.start();
    },
    async close() {
      events.stop();
      await scheduler.stop();
      await timers.stop();
      database.close();
    },
  };
}
