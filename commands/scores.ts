import { userText } from '../src/core/message.ts';
import { defineCommand } from '../src/bot/command.ts';
import { UserError } from '../src/core/errors.ts';
import { PERIODS, type Period, periodRange } from '../src/core/periods.ts';

export default defineCommand({
  name: 'scores',
  adminOnly: true,
  description: {
    'pt-BR': 'Moderação: anula os pontos de um membro no período (fica registrado)',
    en: 'Moderation: voids a member’s points for the period (recorded)',
  },
  options: {
    action: {
      type: 'string',
      choices: ['void'],
      required: true,
      description: { 'pt-BR': 'void: anular', en: 'void' },
    },
    user: { type: 'user', required: true, description: { 'pt-BR': 'Membro', en: 'Member' } },
    period: {
      type: 'string',
      choices: PERIODS,
      description: { 'pt-BR': 'week (padrão), month ou all', en: 'week (default), month or all' },
    },
    reason: { type: 'string', maxLength: 300, rest: true, description: { 'pt-BR': 'Motivo', en: 'Reason' } },
  },
  run({ args, actor, who: whoOf, repos, now, timezone, t }) {
    const who = whoOf();
    const member = repos.communities.findMember(who.communityId, args.user);
    if (!member) throw new UserError('unknown-member', t('stats.unknownMember'));
    const period: Period = args.period ?? 'week';
    const result = repos.scores.voidMember({
      communityId: who.communityId,
      memberId: member.id,
      range: periodRange(period, now, timezone),
      reason: args.reason,
      by: actor.id,
      now,
    });
    const name = userText(member.displayName);
    if (result.count === 0) return { text: t('scores.nothing', { name }), ephemeral: true };
    return {
      text: t('scores.voided', {
        name,
        period,
        points: result.points,
        count: result.count,
        reason: args.reason ? userText(args.reason) : t('scores.noReason'),
      }),
      ephemeral: true,
    };
  },
});
