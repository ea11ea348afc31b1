// `npm run bench`: every benchmark, printed as one Markdown table with its goal and ratio. `npm run bench -- insights`
// (or any names) runs only those.
import { benchAnswers } from './answers.bench.ts';
import { benchDiscord } from './discord.bench.ts';
import { benchSlack } from './slack.bench.ts';
import { benchGlossary } from './glossary.bench.ts';
import { benchInsights } from './insights.bench.ts';
import { benchLeaderboard } from './leaderboard.bench.ts';
import { benchScheduler } from './scheduler.bench.ts';
import { type BenchRow, formatReport } from './stats.ts';

const benches = {
  glossary: benchGlossary,
  answers: benchAnswers,
  leaderboard: benchLeaderboard,
  insights: benchInsights,
  discord: benchDiscord,
  slack: benchSlack,
  scheduler: benchScheduler,
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length)
  throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);
const rows: BenchRow[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length === 0 || wanted.includes(name)) rows.push(...(await bench()));
}
console.log(formatReport(rows));
