// `npm run db:backup [folder]`: an online backup of the configured database (default folder: backups/ next to it).
import path from 'node:path';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { backupDatabase } from './backup.ts';
import { openDatabase } from './open.ts';

loadDotEnv();
try {
  const config = loadConfig();
  const database = openDatabase(config.databasePath);
  const dir = process.argv[2] ?? path.join(path.dirname(path.resolve(config.databasePath)), 'backups');
  const file = await backupDatabase(database.sqlite, dir, systemClock.now());
  database.close();
  console.log(`backup written: ${file}`);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
