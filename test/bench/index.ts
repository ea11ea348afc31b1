// `npm run bench`: every benchmark, printed as one Markdown table with its goal and ratio.
import { benchAnswers } from './answers.bench.ts';
import { benchDiscord } from './discord.bench.ts';
import { benchSlack } from './slack.bench.ts';
import { benchGlossary } from './glossary.bench.ts';
import { benchLeaderboard } from './leaderboard.bench.ts';
import { type BenchRow, formatReport } from './stats.ts';

const rows: BenchRow[] = [];
for (const bench of [benchGlossary, benchAnswers, benchLeaderboard, benchDiscord, benchSlack]) {
  rows.push(...(await bench()));
}
console.log(formatReport(rows));
