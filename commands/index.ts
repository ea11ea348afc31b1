// Every command the bot serves, in the order /help lists them. No folder scanning: add new commands here.
import type { Command } from '../src/bot/command.ts';
import agenda from './agenda.ts';
import config from './config.ts';
import glossary from './glossary.ts';
import help from './help.ts';
import insights from './insights.ts';
import leaderboard from './leaderboard.ts';
import quiz from './quiz.ts';
import reflect from './reflect.ts';
import report from './report.ts';
import scores from './scores.ts';
import stats from './stats.ts';

export const commands: readonly Command[] = [
  quiz,
  glossary,
  agenda,
  reflect,
  report,
  leaderboard,
  stats,
  config,
  scores,
  insights,
  help,
];
