// `npm run content:ids`: lists the bank's new question ids in content/question-ids.txt (never removes any).
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { writePublishedIds } from './question-ids.ts';

const dir = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? './content');
const quizDir = path.join(dir, 'quizzes');
const ids = readdirSync(quizDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    (
      (
        loadYaml(readFileSync(path.join(quizDir, f), 'utf8'), { schema: CORE_SCHEMA }) as {
          questions?: { id?: string }[];
        }
      )?.questions ?? []
    ).map((q) => q.id),
  )
  .filter((id): id is string => typeof id === 'string');
const added = writePublishedIds(dir, ids);
console.log(`content/question-ids.txt: ${added} new id(s) added`);
