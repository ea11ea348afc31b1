import { userText } from '../src/core/message.ts';
import { defineCommand } from '../src/bot/command.ts';
import { UserError } from '../src/core/errors.ts';
import { requireLesson } from '../src/core/lesson-lookup.ts';
import { SCORING } from '../src/core/scoring.ts';
import { truncate } from '../src/core/text.ts';

const MIN_LENGTH = 10;

export default defineCommand({
  name: 'reflect',
  description: {
    'pt-BR':
      'Reflexões pré-aula: veja as perguntas da próxima aula ou envie a sua (admin: /reflect list [aula])',
    en: 'Pre-class reflection: see the next lesson’s prompts or send yours (admin: /reflect list [lesson])',
  },
  options: {
    text: {
      type: 'string',
      rest: true,
      maxLength: 2000,
      description: {
        'pt-BR': 'Sua reflexão (vazio: ver as perguntas)',
        en: 'Your reflection (empty: see the prompts)',
      },
    },
  },
  run({ args, actor, who, repos, content, schedule, now, t }) {
    const list = /^list(?:\s+(.+))?$/i.exec(args.text ?? '');
    const upcoming = schedule.find((s) => s.startsAt > now);
    if (list) {
      if (!actor.isAdmin) throw new UserError('admin-only', t('error.adminOnly'));
      const lessonNumber = list[1]
        ? requireLesson(content.lessons, list[1], t).number
        : upcoming?.lesson.number;
      if (lessonNumber === undefined)
        throw new UserError(
          'lesson-not-found',
          t('quiz.unknownLesson', { query: userText((list[1] ?? '').slice(0, 40)) }),
        );
      const { communityId } = who();
      const items = repos.reflections.forLesson(communityId, lessonNumber);
      return {
        title: t('reflect.listTitle', { number: lessonNumber, count: items.length }),
        text: items.length
          ? items.map((r) => `**${userText(r.name)}**: ${userText(truncate(r.text, 600))}`).join('\n\n')
          : t('reflect.listEmpty', { number: lessonNumber }),
        ephemeral: true,
      };
    }
    if (!upcoming) throw new UserError('no-lesson', t('reflect.noLesson'));
    const { lesson } = upcoming;
    if (args.text === undefined) {
      return {
        title: t('reflect.title', { number: lesson.number, title: lesson.title }),
        text: lesson.reflectionPrompts.map((p) => `- ${p}`).join('\n'),
        footer: t('reflect.how'),
        ephemeral: true,
        form: {
          command: 'reflect',
          title: t('reflect.formTitle', { number: lesson.number }),
          fields: [
            {
              kind: 'text',
              name: 'text',
              label: t('reflect.formLabel'),
              placeholder: t('reflect.formPlaceholder'),
              minLength: MIN_LENGTH,
              maxLength: 2000,
            },
          ],
        },
      };
    }
    if (args.text.length < MIN_LENGTH)
      throw new UserError('too-short', t('reflect.tooShort', { min: MIN_LENGTH }));
    const me = who();
    const { row, created } = repos.reflections.save({ ...me, lesson: lesson.number, text: args.text, now });
    // Participation points once per lesson: the ledger reference makes a second save (an edit) book nothing.
    const booked = repos.scores.award({
      ...me,
      kind: 'reflection',
      points: SCORING.reflection.points,
      ref: `reflection:${me.communityId}:${me.memberId}:${row.lesson}`,
      now,
    });
    return {
      text:
        created || booked
          ? t('reflect.saved', { number: lesson.number, points: booked ? SCORING.reflection.points : 0 })
          : t('reflect.updated', { number: lesson.number }),
      ephemeral: true,
    };
  },
});
