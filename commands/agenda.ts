import { userText } from '../src/core/message.ts';
import { defineCommand } from '../src/bot/command.ts';
import { renderAgenda } from '../src/core/agenda.ts';
import { nextLesson } from '../src/core/calendar.ts';
import { UserError } from '../src/core/errors.ts';
import { formatDateTime } from '../src/core/format-time.ts';
import { findLessons } from '../src/core/lesson-lookup.ts';
import { normalize, truncate } from '../src/core/text.ts';

export default defineCommand({
  name: 'agenda',
  description: {
    'pt-BR': 'Mostra a próxima aula (ou a indicada): data, objetivos, tópicos, leitura e reflexões',
    en: 'Shows the next lesson (or the one named): date, objectives, topics, reading and prompts',
  },
  options: {
    lesson: {
      type: 'string',
      description: { 'pt-BR': 'Número ou parte do título da aula', en: 'Lesson number or part of its title' },
      autocomplete: true,
      maxLength: 100,
      rest: true,
    },
  },
  run({ args, content, schedule, now, timezone, locale, t }) {
    if (schedule.length === 0) throw new UserError('no-lessons', t('agenda.noLessons'));
    const view = { now, timezone, locale, t };
    if (args.lesson === undefined) {
      const next = nextLesson(schedule, now);
      if (next) return renderAgenda(next, view);
      const last = schedule.at(-1)!;
      return {
        text: t('agenda.ended', {
          number: last.lesson.number,
          title: last.lesson.title,
          date: formatDateTime(last.startsAt, timezone, locale),
        }),
      };
    }
    const found = findLessons(content.lessons, args.lesson);
    const list = (lessons: typeof content.lessons) =>
      lessons.map((l) => `${l.number} — ${l.title}`).join('; ');
    const query = truncate(normalize(args.lesson), 40);
    if (found.length === 0)
      throw new UserError(
        'lesson-not-found',
        t('agenda.notFound', { query: userText(query), list: list(content.lessons) }),
      );
    if (found.length > 1 && normalize(found[0]!.title) !== normalize(args.lesson)) {
      throw new UserError(
        'lesson-ambiguous',
        t('agenda.many', { query: userText(query), list: list(found), example: found[0]!.number }),
      );
    }
    return renderAgenda(
      schedule.find((s) => s.lesson.number === found[0]!.number)!,
      view,
    );
  },
  autocomplete({ content }, _option, partial) {
    const lessons = partial.trim() ? findLessons(content.lessons, partial) : content.lessons;
    return lessons
      .slice(0, 25)
      .map((l) => ({ name: truncate(`${l.number}. ${l.title}`, 100), value: String(l.number) }));
  },
});
