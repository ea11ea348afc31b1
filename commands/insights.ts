// /insights (admin, private): what the class is learning. view = overview (default) | question | lesson | reports |
// resolve, a period (week, month, all) and the rest of the text as the view's value. Parse → src/quiz/insights.ts →
// src/core/insights-render.ts / insights-digest.ts.
import { defineCommand } from '../src/bot/command.ts';
import { UserError } from '../src/core/errors.ts';
import { renderReports } from '../src/core/insights-digest.ts';
import {
  renderLessonInsights,
  renderOverview,
  renderQuestionInsight,
  STOPPED_SHOWN,
} from '../src/core/insights-render.ts';
import { userText } from '../src/core/message.ts';
import { PERIODS, type Period, periodRange } from '../src/core/periods.ts';
import { truncate } from '../src/core/text.ts';

export const VIEWS = ['overview', 'question', 'lesson', 'reports', 'resolve'] as const;
type View = (typeof VIEWS)[number];

/** Reports read for /insights reports (newest first); the total is always counted. */
const REPORTS_SHOWN = 100;
/** Matches listed when words fit several questions. */
const MATCHES_SHOWN = 10;

/** `/insights lesson 2` arrives as one value "lesson 2" (lesson words are kept together): that is the lesson view. */
function viewOf(view: View | undefined, value: string | undefined): { view: View; value?: string } {
  if (view) return { view, value };
  if (value === undefined) return { view: 'overview' };
  const lesson = /^(?:aula|lesson|li[cç][aã]o)\s+(.+)$/i.exec(value);
  return lesson ? { view: 'lesson', value: lesson[1] } : { view: 'question', value };
}

export default defineCommand({
  name: 'insights',
  adminOnly: true,
  description: {
    'pt-BR': 'Monitores: acerto por aula e por pergunta, alternativas, alertas, denúncias (só você vê)',
    en: 'Monitors: accuracy per lesson and per question, choices, flags, reports (only you see it)',
  },
  options: {
    view: {
      type: 'string',
      choices: VIEWS,
      description: {
        'pt-BR': 'overview (padrão), question, lesson, reports ou resolve',
        en: 'overview (default), question, lesson, reports or resolve',
      },
    },
    period: {
      type: 'string',
      choices: PERIODS,
      description: {
        'pt-BR': 'week, month ou all (padrão: week na visão geral, all nas perguntas e aulas)',
        en: 'week, month or all (default: week for the overview, all for questions and lessons)',
      },
    },
    value: {
      type: 'string',
      rest: true,
      autocomplete: true,
      maxLength: 200,
      description: {
        'pt-BR': 'Id ou palavras da pergunta, número da aula ou da denúncia',
        en: 'Question id or words, lesson number or report number',
      },
    },
  },
  run(ctx) {
    const { args, repos, quiz, now, timezone, t, locale, content, schedule } = ctx;
    const { view, value } = viewOf(args.view, args.value);
    const period: Period = args.period ?? (view === 'overview' ? 'week' : 'all');
    const range = periodRange(period, now, timezone);
    const { communityId } = ctx.who();

    switch (view) {
      case 'overview': {
        const next = schedule.find((s) => s.startsAt > now)?.lesson.number;
        return renderOverview(
          {
            ...quiz.insights.overview(communityId, range, timezone),
            reflections:
              next === undefined
                ? undefined
                : { lesson: next, count: repos.insights.reflections(communityId, next, 0).count },
            stopped: repos.insights.stopped(communityId, now, STOPPED_SHOWN),
          },
          period,
          t,
          locale,
        );
      }
      case 'question': {
        if (!value) throw new UserError('usage', t('insights.needQuestion'));
        const exact = quiz.insights.question(value.trim().toLowerCase());
        const found = exact ? [exact] : quiz.insights.findQuestions(value, MATCHES_SHOWN + 1);
        if (found.length === 0)
          throw new UserError(
            'not-found',
            t('insights.questionNotFound', { query: userText(truncate(value, 60)) }),
          );
        if (found.length > 1) {
          const list = found
            .slice(0, MATCHES_SHOWN)
            .map((q) => `- \`${q.id}\` ${truncate(q.prompt, 80)}`)
            .join('\n');
          return {
            text: t('insights.questionMany', {
              count: found.length > MATCHES_SHOWN ? `${MATCHES_SHOWN}+` : found.length,
              query: userText(truncate(value, 60)),
              list,
            }),
            ephemeral: true,
          };
        }
        return renderQuestionInsight(
          quiz.insights.questionInsight(communityId, range, timezone, found[0]!),
          period,
          t,
          locale,
        );
      }
      case 'lesson': {
        if (!value) throw new UserError('usage', t('insights.needLesson'));
        const number = quiz.lessonNumber(value, t)!;
        const lesson = content.lessons.find((l) => l.number === number)!;
        return renderLessonInsights(
          lesson,
          quiz.insights.lessonInsights(communityId, range, timezone, number),
          period,
          t,
          locale,
        );
      }
      case 'reports':
        return renderReports(
          repos.reports.open(communityId, REPORTS_SHOWN),
          repos.reports.openCount(communityId),
          t,
        );
      case 'resolve': {
        const id = /^#?(\d{1,9})$/.exec(value?.trim() ?? '');
        if (!id) throw new UserError('usage', t('insights.needReport'));
        const closed = repos.reports.resolve(communityId, Number(id[1]), ctx.actor.id, now);
        if (!closed) throw new UserError('not-found', t('insights.notOpen', { id: id[1]! }));
        return {
          text: t('insights.resolved', { id: closed.id, question: closed.questionId }),
          ephemeral: true,
        };
      }
    }
  },
  autocomplete({ quiz }, _option, partial) {
    return quiz.insights.findQuestions(partial, 25).map((q) => ({
      name: truncate(`${q.id} — ${q.prompt}`, 100),
      value: q.id,
    }));
  },
});
