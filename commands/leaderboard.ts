import { defineCommand } from '../src/bot/command.ts';
import { PERIODS } from '../src/core/periods.ts';
import { renderLeaderboard } from '../src/quiz/boards.ts';

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
  run(ctx) {
    return renderLeaderboard(ctx.quiz, ctx, ctx.args.period ?? 'week');
  },
});
