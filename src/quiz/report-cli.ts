// `npm run content:report`: the item analysis of every question over the whole database (every community), as a
// Markdown table on standard output, worst first. Reads DATABASE_URL, CONTENT_DIR and BOT_LOCALE (for the flags' words).
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { ContentError } from '../content/load.ts';
import { loadContentStore } from '../content/store.ts';
import { renderContentReport } from '../core/content-report.ts';
import { translator } from '../core/i18n.ts';
import { openDatabase } from '../db/open.ts';
import { createRepositories } from '../db/repositories.ts';
import { Insights } from './insights.ts';

loadDotEnv();
try {
  const config = loadConfig();
  if (!existsSync(config.databasePath)) {
    console.error(`no database at ${config.databasePath}: set DATABASE_URL=file:<path>`);
    process.exitCode = 1;
  } else {
    const content = loadContentStore(config.contentDir);
    const database = openDatabase(config.databasePath);
    try {
      const repos = createRepositories(database.db, database.sqlite);
      const items = new Insights(repos, content).bankInsights(undefined);
      const answers = items.reduce((s, i) => s + i.analysis.n, 0);
      process.stdout.write(renderContentReport(items, answers, translator(config.locale), config.locale));
    } finally {
      database.close();
    }
  }
} catch (e) {
  if (!(e instanceof ConfigError) && !(e instanceof ContentError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
