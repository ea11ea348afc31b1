// `npm run slack:manifest`: writes slack-manifest.json (Socket Mode, committed) for "Create app from manifest".
// `npm run slack:manifest -- https://your.host/slack/events`: HTTP mode at that request URL, written to
// slack-manifest.http.json instead, so the committed manifest stays the Socket Mode one.
import { writeFileSync } from 'node:fs';
import { commands } from '../../../commands/index.ts';
import { buildManifest } from './manifest.ts';

const requestUrl = process.argv[2];
const file = requestUrl ? 'slack-manifest.http.json' : 'slack-manifest.json';
const manifest = buildManifest(commands, { requestUrl });
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${file} (${manifest.features.slash_commands.length} commands)`);
