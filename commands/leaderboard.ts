import { defineCommand } from '../src/bot/command.ts';
import { renderLeaderboard } from '../src/core/board-render.ts';
import { PERIODS, periodRange } from '../src/core/periods.ts';
import { loadLeaderboard } from '../src/quiz/boards.ts';

export default defineCommand({
  name: 'leaderboard',
  description: {
    'pt-BR': 'Placar da comunidade: semana, mês ou geral',
    en: 'Community leaderboard: week, month or all time',
  },
  options: {
    period: {
      type: 'string',
      choices: PERIODS,
      description: { 'pt-BR': 'week (padrão), month ou all', en: 'week (default), month or all' },
    },
  },
  run({ args, actor, who, repos, now, timezone, t, locale }) {
    const period = args.period ?? 'week';
    const caller = { ...who(), name: actor.name };
    const board = loadLeaderboard(repos, caller, periodRange(period, now, timezone));
    return renderLeaderboard(board, period, t, locale);
  },
});
