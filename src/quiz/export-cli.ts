// `npm run export -- --community <id> --out results.csv`: one CSV row per answer of a community (member, question,
// lesson, kind, choice, right, points, time in ISO 8601 UTC). The community is its database id or `platform:id`
// (`shell:local`, `discord:<guild id>`, `slack:<team id>`); without one, the communities are listed.
import { createWriteStream, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { ContentError } from '../content/load.ts';
import { loadContentStore } from '../content/store.ts';
import type { Platform } from '../core/events.ts';
import { openDatabase } from '../db/open.ts';
import { createRepositories } from '../db/repositories.ts';
import { writeAnswersCsv } from './answers-export.ts';

const USAGE = 'usage: npm run export -- --community <id or platform:id> --out <file.csv>';

async function main(): Promise<number> {
  let args: { community?: string; out?: string };
  try {
    args = parseArgs({ options: { community: { type: 'string' }, out: { type: 'string' } } }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const config = loadConfig();
  if (!existsSync(config.databasePath)) {
    console.error(`no database at ${config.databasePath}: set DATABASE_URL=file:<path>`);
    return 1;
  }
  const content = loadContentStore(config.contentDir);
  const database = openDatabase(config.databasePath);
  try {
    const repos = createRepositories(database.db, database.sqlite);
    const typed = args.community ?? '';
    const byPlatform = /^(discord|slack|shell):(.{1,100})$/.exec(typed);
    const community = /^\d{1,9}$/.test(typed)
      ? repos.communities.byId(Number(typed))
      : byPlatform
        ? repos.communities.find(byPlatform[1] as Platform, byPlatform[2]!)
        : undefined;
    if (!community || !args.out) {
      if (typed && !community) console.error(`no community "${typed.slice(0, 100)}"`);
      console.error(USAGE);
      const known = repos.communities.all();
      if (known.length)
        console.error(
          `communities: ${known.map((c) => `${c.id} (${c.platform}:${c.externalId})`).join(', ')}`,
        );
      return 1;
    }
    const lessons = new Map(content.questions.map((q) => [q.id, q.lesson]));
    const rows = await writeAnswersCsv(
      repos.insights.exportAnswers(community.id),
      (id) => lessons.get(id),
      createWriteStream(args.out),
    );
    console.log(`${rows} answers written to ${args.out}`);
    return 0;
  } finally {
    database.close();
  }
}

loadDotEnv();
try {
  process.exitCode = await main();
} catch (e) {
  if (!(e instanceof ConfigError) && !(e instanceof ContentError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
