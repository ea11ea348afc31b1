// `npm run db:restore <backup file>`: replaces the configured database with a backup, after checking it. Stop the bot
// first; the current file is kept next to it as <file>.before-restore-<stamp>.
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { restoreDatabase } from './backup.ts';

loadDotEnv();
const file = process.argv[2];
try {
  if (!file) throw new Error('usage: npm run db:restore -- <backup file>');
  const config = loadConfig();
  const { keptAs } = restoreDatabase(file, config.databasePath, systemClock.now());
  console.log(`restored ${file} → ${config.databasePath}`);
  if (keptAs) console.log(`the previous database is kept as ${keptAs}`);
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : `restore failed: ${(e as Error).message}`);
  process.exitCode = 1;
}
