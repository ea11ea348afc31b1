// `npm run db:backup [folder]`: an online backup of the configured database into BACKUP_DIR (default: backups/ next
// to it) or the given folder, keeping the newest BACKUP_KEEP.
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { backupDatabase } from './backup.ts';
import { openDatabase } from './open.ts';

loadDotEnv();
try {
  const config = loadConfig();
  const database = openDatabase(config.databasePath);
  const dir = process.argv[2] ?? config.backup.dir;
  const file = await backupDatabase(database.sqlite, dir, systemClock.now(), config.backup.keep);
  database.close();
  console.log(`backup written: ${file}`);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
