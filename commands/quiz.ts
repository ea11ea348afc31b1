import { defineCommand } from '../src/bot/command.ts';
import { destinationOf } from '../src/core/destination.ts';
import { UserError } from '../src/core/errors.ts';
import { suggestLessons } from '../src/core/lesson-lookup.ts';

export default defineCommand({
  name: 'quiz',
  description: {
    'pt-BR': 'Pratique com uma pergunta (só você vê); admins: rodada ao vivo, parar, pergunta do dia',
    en: 'Practise one question (only you see it); admins: live round, stop, question of the day',
  },
  options: {
    mode: {
      type: 'string',
      choices: ['live', 'stop', 'daily'],
      description: {
        'pt-BR': 'Vazio: prática. live/stop/daily: rodada ao vivo, encerrar rodada, pergunta do dia (admin)',
        en: 'Empty: practice. live/stop/daily: live round, stop round, question of the day (admin)',
      },
    },
    lesson: {
      type: 'string',
      autocomplete: true,
      maxLength: 100,
      description: {
        'pt-BR': 'Aula (número ou parte do título)',
        en: 'Lesson (number or part of the title)',
      },
    },
    count: {
      type: 'integer',
      min: 1,
      max: 20,
      description: { 'pt-BR': 'Perguntas na rodada (padrão 5)', en: 'Questions in the round (default 5)' },
    },
    seconds: {
      type: 'integer',
      min: 5,
      max: 120,
      description: { 'pt-BR': 'Segundos por pergunta (padrão 20)', en: 'Seconds per question (default 20)' },
    },
  },
  actionPrefixes: ['qa', 'qn'],
  run(ctx) {
    const { args, actor, place, quiz, t } = ctx;
    if (args.mode && !actor.isAdmin) throw new UserError('admin-only', t('error.adminOnly'));
    switch (args.mode) {
      case 'live': {
        // A round posts each question in the channel itself, so it needs what an interaction reply does not.
        const lacks = (place.botLacks ?? []).filter((p) => p === 'view' || p === 'send' || p === 'embeds');
        if (lacks.length)
          throw new UserError(
            'bot-lacks',
            t('quiz.liveBotLacks', { list: lacks.map((p) => t(`perm.${p}`)).join(', ') }),
          );
        return quiz.live.start(ctx, { lesson: args.lesson, count: args.count, seconds: args.seconds });
      }
      case 'stop':
        return quiz.live.stop(ctx);
      case 'daily':
        return quiz.daily.openAsReply(destinationOf(place));
      default:
        return quiz.practice(ctx, args.lesson);
    }
  },
  action(ctx) {
    return ctx.prefix === 'qn' ? ctx.quiz.next(ctx) : ctx.quiz.answer(ctx, ctx.payload);
  },
  autocomplete: ({ content }, _option, partial) => suggestLessons(content.lessons, partial),
});
