import { defineCommand } from '../src/bot/command.ts';
import { renderStats } from '../src/quiz/boards.ts';

export default defineCommand({
  name: 'stats',
  description: { 'pt-BR': 'Suas estatísticas (ou de outra pessoa)', en: 'Your stats (or someone else’s)' },
  options: {
    user: { type: 'user', description: { 'pt-BR': 'Membro (padrão: você)', en: 'Member (default: you)' } },
  },
  run({ args, actor, place, quiz, t, locale }) {
    return renderStats(quiz, place, actor, args.user, t, locale);
  },
});
