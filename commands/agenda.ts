import { defineCommand } from '../src/bot/command.ts';
import { renderAgenda } from '../src/core/agenda.ts';
import { nextLesson } from '../src/core/calendar.ts';
import { UserError } from '../src/core/errors.ts';
import { formatDateTime } from '../src/core/format-time.ts';
import { requireLesson, suggestLessons } from '../src/core/lesson-lookup.ts';
import type { Link, OutMessage } from '../src/core/message.ts';
import { feedUrl } from '../src/calendar/feed-route.ts';

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
  run(ctx) {
    const { args, content, schedule, now, timezone, locale, t } = ctx;
    if (schedule.length === 0) throw new UserError('no-lessons', t('agenda.noLessons'));
    const view = { now, timezone, locale, t };
    // The lesson's Discord event when it has one, and with PUBLIC_URL set the class calendar (its token made on
    // first need): each one click away.
    const withLinks = (message: OutMessage, lesson: number): OutMessage => {
      const community = ctx.events.supports(ctx.place.platform)
        ? ctx.repos.communities.find(ctx.place.platform, ctx.place.communityId)
        : undefined;
      const event = community && ctx.events.eventUrl(community, lesson);
      const links: Link[] = [
        ...(event ? [{ label: t('agenda.event'), url: event }] : []),
        ...(ctx.publicUrl
          ? [
              {
                label: t('agenda.addToCalendar'),
                url: feedUrl(ctx.publicUrl, ctx.repos.calendarFeeds.ensure(ctx.who().communityId, now)),
              },
            ]
          : []),
      ];
      return links.length ? { ...message, links } : message;
    };
    if (args.lesson === undefined) {
      const next = nextLesson(schedule, now);
      if (next) return withLinks(renderAgenda(next, view), next.lesson.number);
      const last = schedule.at(-1)!;
      return {
        text: t('agenda.ended', {
          number: last.lesson.number,
          title: last.lesson.title,
          date: formatDateTime(last.startsAt, timezone, locale),
        }),
      };
    }
    const { number } = requireLesson(content.lessons, args.lesson, t, { listOnMiss: true });
    return withLinks(
      renderAgenda(
        schedule.find((s) => s.lesson.number === number)!,
        view,
      ),
      number,
    );
  },
  autocomplete: ({ content }, _option, partial) => suggestLessons(content.lessons, partial),
});
