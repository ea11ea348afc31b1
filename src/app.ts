// Wires the bot together from a config: content (validated first, so a broken file never touches the database),
// database, repositories and commands. Shared by main.ts and the tests.
import { commands as allCommands } from '../commands/index.ts';
import { Bot } from './bot/bot.ts';
import type { Command, ContentStore } from './bot/command.ts';
import type { Config } from './config.ts';
import { loadContent } from './content/load.ts';
import { buildSchedule } from './core/calendar.ts';
import { GlossaryIndex } from './core/glossary-search.ts';
import type { Clock } from './core/time.ts';
import { type DatabaseHandle, openDatabase } from './db/open.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';
import type { Logger } from './log.ts';

export interface App {
  config: Config;
  content: ContentStore;
  database: DatabaseHandle;
  repos: Repositories;
  bot: Bot;
  clock: Clock;
  logger: Logger;
  close(): void;
}

export function loadContentStore(dir: string): ContentStore {
  const content = loadContent(dir);
  return {
    ...content,
    glossaryIndex: new GlossaryIndex(content.glossary),
    schedule: buildSchedule(content.course, content.lessons),
  };
}

export function createApp(
  config: Config,
  clock: Clock,
  logger: Logger,
  commands: readonly Command[] = allCommands,
): App {
  const content = loadContentStore(config.contentDir);
  const database = openDatabase(config.databasePath);
  const repos = createRepositories(database.db);
  const bot = new Bot({
    commands,
    content,
    repos,
    clock,
    logger,
    defaultLocale: config.locale,
    defaultTimezone: config.timezone,
  });
  return { config, content, database, repos, bot, clock, logger, close: () => database.close() };
}
