import { defineCommand } from '../src/bot/command.ts';
import { renderStats } from '../src/core/board-render.ts';
import { UserError } from '../src/core/errors.ts';
import { loadStats } from '../src/quiz/boards.ts';

export default defineCommand({
  name: 'stats',
  description: { 'pt-BR': 'Suas estatísticas (ou de outra pessoa)', en: 'Your stats (or someone else’s)' },
  options: {
    user: { type: 'user', description: { 'pt-BR': 'Membro (padrão: você)', en: 'Member (default: you)' } },
  },
  run({ args, actor, who, repos, content, now, timezone, t, locale }) {
    const { communityId } = who();
    const member = repos.communities.findMember(communityId, args.user || actor.id);
    if (!member) throw new UserError('unknown-member', t('stats.unknownMember'));
    return renderStats(loadStats(repos, content.questions, communityId, member, now, timezone), t, locale);
  },
});
