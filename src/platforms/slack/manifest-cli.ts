// `npm run slack:manifest [https://your.host/slack/events]`: writes slack-manifest.json for "Create app from
// manifest". Without a URL the app uses Socket Mode; with one, HTTP mode at that request URL.
import { writeFileSync } from 'node:fs';
import { commands } from '../../../commands/index.ts';
import { buildManifest } from './manifest.ts';

const manifest = buildManifest(commands, { requestUrl: process.argv[2] });
writeFileSync('slack-manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote slack-manifest.json (${manifest.features.slash_commands.length} commands)`);
