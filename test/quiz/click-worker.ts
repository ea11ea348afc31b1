// A separate process that clicks answer buttons through the whole bot path against a shared database file.
// Used by answers-concurrency.test.ts: several of these run at once to interleave real transactions.
import { readFileSync } from 'node:fs';
import { createApp } from '../../src/app.ts';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';

interface Click {
  member: string;
  buttonId: string;
  channel: string;
}

const [dbFile, clicksFile, contentDir, at] = process.argv.slice(2);
const clicks = JSON.parse(readFileSync(clicksFile!, 'utf8')) as Click[];
const config = loadConfig({ DATABASE_URL: `file:${dbFile}`, CONTENT_DIR: contentDir, LOG_LEVEL: 'silent' });
const app = createApp(config, new ManualClock(new Date(at!)), silentLogger());
let failures = 0;
for (const click of clicks) {
  const replies = await app.bot.handle({
    kind: 'action',
    buttonId: click.buttonId,
    actor: { id: click.member, name: click.member, isAdmin: false },
    place: { platform: 'shell', communityId: 'local', channelId: click.channel },
  });
  if (replies[0]?.text?.includes('Algo deu errado')) failures++;
}
await app.close();
process.stdout.write(JSON.stringify({ clicks: clicks.length, failures }));
