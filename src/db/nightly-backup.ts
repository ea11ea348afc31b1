// The nightly backup: node-cron at BACKUP_TIME in the bot's timezone, an online backup into BACKUP_DIR keeping the
// newest BACKUP_KEEP. A failure is logged (and tried again the next night), never fatal.
import type Database from 'better-sqlite3';
import nodeCron from 'node-cron';
import type { Clock } from '../core/time.ts';
import type { Logger } from '../log.ts';
import { backupDatabase } from './backup.ts';

export interface NightlyBackup {
  /** Runs one backup now (what the cron job does). */
  run(): Promise<string | undefined>;
  stop(): Promise<void>;
}

export function scheduleNightlyBackup(
  sqlite: Database.Database,
  settings: { dir: string; keep: number; time: string },
  timezone: string,
  clock: Clock,
  logger: Logger,
): NightlyBackup {
  let running: Promise<string | undefined> = Promise.resolve(undefined);
  const run = () => {
    running = backupDatabase(sqlite, settings.dir, clock.now(), settings.keep).then(
      (file) => {
        logger.info({ file }, 'nightly backup written');
        return file;
      },
      (err: unknown) => {
        logger.error({ err, dir: settings.dir }, 'nightly backup failed; will try again tomorrow');
        return undefined;
      },
    );
    return running;
  };
  const [hour, minute] = settings.time.split(':').map(Number);
  const task = nodeCron.schedule(`${minute} ${hour} * * *`, () => void run(), {
    timezone,
    noOverlap: true,
    name: 'turma-backup',
  });
  return {
    run,
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
