// `npm run content:schemas`: writes content/schemas/*.json from the zod schemas, for editors' validation as you type.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { jsonSchemaSources } from './schemas.ts';

const outDir = path.resolve(process.argv[2] ?? './content/schemas');
mkdirSync(outDir, { recursive: true });
for (const [file, schema] of Object.entries(jsonSchemaSources)) {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' });
  writeFileSync(path.join(outDir, file), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, file))}`);
}
