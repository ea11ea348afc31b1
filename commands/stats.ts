import { defineCommand } from '../src/bot/command.ts';
import { renderStats } from '../src/quiz/boards.ts';

export default defineCommand({
  name: 'stats',
  description: { 'pt-BR': 'Suas estatísticas (ou de outra pessoa)', en: 'Your stats (or someone else’s)' },
  options: {
    user: { type: 'user', description: { 'pt-BR': 'Membro (padrão: você)', en: 'Member (default: you)' } },
  },
  run(ctx) {
    return renderStats(ctx.quiz, ctx, ctx.args.user);
  },
});
