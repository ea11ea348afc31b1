// /report [question] [reason] [text]: a member tells the monitors a question is broken (wrong key, ambiguous, a typo,
// something else). The "⚑ Reportar problema" button under practice feedback and daily reveals opens the same thing as
// a form where the platform has forms. Without a question it means the last one the member saw
// (repos.reports.lastSeenQuestion: the later of their last answer and their last practice card). One report per
// member and question: reporting again updates it. At most REPORTS_PER_HOUR different questions an hour per member.
import type { ActionContext, CommandContext } from '../src/bot/command.ts';
import { defineCommand } from '../src/bot/command.ts';
import type { BankQuestion } from '../src/content/schemas.ts';
import { taughtLessons } from '../src/core/calendar.ts';
import { UserError } from '../src/core/errors.ts';
import type { Translate } from '../src/core/i18n.ts';
import { type OutMessage, userText } from '../src/core/message.ts';
import {
  findQuestion,
  matchQuestions,
  parseReason,
  questionChoice,
  type Reason,
  REASONS,
  suggestQuestionIds,
} from '../src/core/report-input.ts';
import { normalize, truncate } from '../src/core/text.ts';
import type { ReportReason } from '../src/db/schema.ts';

/** Different questions a member may report in an hour (updating one already reported is always allowed). */
export const REPORTS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;
/** The longest comment stored with a report (the form's field and the typed option). */
export const REPORT_TEXT_MAX = 500;
const PROMPT_SHOWN = 300;

// The core's reasons and the database's are the same list: a change to one alone fails to compile here.
type SameReasons = [Reason] extends [ReportReason] ? ([ReportReason] extends [Reason] ? true : false) : false;
export const REASONS_MATCH: SameReasons = true;

type Base = Omit<CommandContext, 'args'>;

const reasonLabel = (t: Translate, reason: Reason) => t(`report.reason.${reason}`);

/** Questions a member may be offered by name: those of lessons already taught here (no peeking ahead). */
const offered = ({ content, schedule, now }: Base) => {
  const taught = new Set(taughtLessons(schedule, now).map((l) => l.number));
  return content.questions.filter((q) => taught.has(q.lesson));
};

/** The question named by `query`, or a refusal with the closest taught ones. */
function requireQuestion(ctx: Base, query: string): BankQuestion {
  const found = findQuestion(ctx.content.questions, query);
  if (found) return found;
  const { t } = ctx;
  const suggestions = suggestQuestionIds(offered(ctx), query);
  throw new UserError(
    'not-found',
    [
      t('report.unknownQuestion', { query: userText(query.slice(0, 40)) }),
      suggestions.length ? t('report.didYouMean', { suggestions: suggestions.join(', ') }) : '',
      t('report.findIt'),
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** The last question the member saw, or a refusal saying how to name one. */
function lastSeen(ctx: Base): BankQuestion {
  const id = ctx.repos.reports.lastSeenQuestion(ctx.who().memberId);
  const question = id === undefined ? undefined : findQuestion(ctx.content.questions, id);
  if (!question) throw new UserError('not-found', ctx.t('report.noQuestion'));
  return question;
}

/** The form for one question (a modal on Discord and Slack); the shell shows its text and how to use /report. */
function reportForm({ t }: Base, question: BankQuestion): OutMessage {
  return {
    title: t('report.title', { id: question.id }),
    text: truncate(question.prompt, PROMPT_SHOWN),
    footer: t('report.how', { id: question.id }),
    ephemeral: true,
    form: {
      command: 'report',
      title: t('report.formTitle'),
      values: { question: question.id },
      fields: [
        {
          kind: 'choice',
          name: 'reason',
          label: t('report.reasonLabel'),
          placeholder: t('report.reasonPlaceholder'),
          options: REASONS.map((r) => ({ value: r, label: reasonLabel(t, r) })),
        },
        {
          kind: 'text',
          name: 'text',
          label: t('report.textLabel'),
          placeholder: t('report.textPlaceholder'),
          maxLength: REPORT_TEXT_MAX,
          required: false,
        },
      ],
    },
  };
}

/** Refuses a new question once the member reported REPORTS_PER_HOUR others in the last hour. */
function checkRate(ctx: Base, memberId: number, questionId: string): void {
  const since = new Date(ctx.now.getTime() - HOUR_MS);
  const recent = ctx.repos.reports.filedSince(memberId, since, REPORTS_PER_HOUR);
  if (recent.length < REPORTS_PER_HOUR || recent.some((r) => r.questionId === questionId)) return;
  const oldest = recent[recent.length - 1]!.updatedAt.getTime();
  const minutes = Math.max(1, Math.ceil((oldest + HOUR_MS - ctx.now.getTime()) / 60_000));
  throw new UserError('rate-limited', ctx.t('report.limited', { max: REPORTS_PER_HOUR, minutes }));
}

export default defineCommand({
  name: 'report',
  description: {
    'pt-BR': 'Relate um problema numa pergunta (resposta errada, ambígua, erro de texto, outro)',
    en: 'Report a problem with a question (wrong answer, ambiguous, typo, other)',
  },
  options: {
    question: {
      type: 'string',
      autocomplete: true,
      maxLength: 100,
      description: {
        'pt-BR': 'A pergunta (vazio: a última que você viu)',
        en: 'The question (empty: the last one you saw)',
      },
    },
    reason: {
      type: 'string',
      autocomplete: true,
      maxLength: 40,
      description: {
        'pt-BR': 'errada, ambígua, texto ou outro (vazio: abre o formulário)',
        en: 'wrong, ambiguous, typo or other (empty: opens the form)',
      },
    },
    text: {
      type: 'string',
      rest: true,
      maxLength: REPORT_TEXT_MAX,
      description: { 'pt-BR': 'Detalhes (opcional)', en: 'Details (optional)' },
    },
  },
  actionPrefixes: ['rp'],
  run(ctx) {
    const { args, t } = ctx;
    let { question: query, reason: reasonWord, text } = args;
    // "/report errada o gabarito é C": no question, so the first word is the reason and the rest the comment.
    if (query !== undefined && !findQuestion(ctx.content.questions, query) && parseReason(query)) {
      text = [reasonWord, text].filter(Boolean).join(' ') || undefined;
      reasonWord = query;
      query = undefined;
    }
    const question = query === undefined ? lastSeen(ctx) : requireQuestion(ctx, query);
    if (reasonWord === undefined) return reportForm(ctx, question);
    const reason = parseReason(reasonWord);
    if (!reason)
      throw new UserError('usage', t('report.badReason', { reason: userText(reasonWord.slice(0, 40)) }));
    const { communityId, memberId } = ctx.who();
    checkRate(ctx, memberId, question.id);
    const comment = text?.trim() ? text.trim() : null;
    // The comment may have grown by the word the shift above moved into it.
    if (comment && Array.from(comment).length > REPORT_TEXT_MAX)
      throw new UserError('too-long', t('error.tooLong', { max: REPORT_TEXT_MAX }));
    const filed = ctx.repos.reports.file({
      communityId,
      memberId,
      questionId: question.id,
      reason,
      text: comment,
      now: ctx.now,
    });
    const words = { id: question.id, reason: reasonLabel(t, reason) };
    const said = filed.created
      ? t('report.filed', words)
      : filed.reopened
        ? t('report.reopened', words)
        : t('report.updated', words);
    return {
      text: comment ? `${said}\n${t('report.yourText', { text: userText(truncate(comment, 200)) })}` : said,
      ephemeral: true,
    };
  },
  /** The ⚑ button (`rp:<question id>`): the form for that question. */
  action(ctx: ActionContext) {
    return reportForm(ctx, requireQuestion(ctx, ctx.payload.slice(0, 100)));
  },
  autocomplete(ctx, option, partial) {
    if (option === 'reason') {
      const typed = normalize(partial);
      return REASONS.filter(
        (r) =>
          !typed ||
          parseReason(partial) === r ||
          normalize(r).startsWith(typed) ||
          normalize(reasonLabel(ctx.t, r)).startsWith(typed),
      ).map((r) => ({ name: reasonLabel(ctx.t, r), value: r }));
    }
    return matchQuestions(offered(ctx), partial).map(questionChoice);
  },
});
