// The monitors' view as data: the ledger's counts (src/db/repos/insights.ts) joined to the question bank (which lesson a
// question belongs to, its right letter) and analysed by the pure item analysis (src/core/item-analysis.ts). Used by
// /insights, the pre-class digest and `npm run content:report`; rendering is src/core/insights-render.ts.
import type { BankQuestion } from '../content/schemas.ts';
import type { ContentStore } from '../content/store.ts';
import { CHOICE_LETTERS } from '../core/quiz-render.ts';
import {
  analyzeItem,
  type ItemAnalysis,
  type MemberTally,
  mostMissed,
  worstFirst,
} from '../core/item-analysis.ts';
import { normalize, tokenize } from '../core/text.ts';
import type { DigestView } from '../core/insights-digest.ts';
import { dayRange, startOfLocalDay } from '../core/periods.ts';
import type { AnswerKind, ChoiceTally, Scope } from '../db/repos/insights.ts';
import type { Range } from '../db/repos/scores.ts';
import type { Repositories } from '../db/repositories.ts';

/** A question of the bank with its analysis. */
export interface QuestionInsight {
  question: BankQuestion;
  analysis: ItemAnalysis;
}

/** Right and total answers of one lesson's questions. */
export interface LessonAccuracy {
  lesson: number;
  right: number;
  n: number;
}

/** Answers and distinct members of one kind. */
export interface KindActivity {
  kind: AnswerKind;
  answers: number;
  members: number;
}

export interface Overview {
  activity: { kinds: KindActivity[]; members: number };
  lessons: LessonAccuracy[];
  /** The five most missed questions. */
  missed: QuestionInsight[];
}

/** Questions shown in the most-missed list. */
export const MOST_MISSED = 5;
/** Reflections quoted in the digest. */
export const DIGEST_REFLECTIONS = 5;
/** Open reports the digest reads (newest first; all are counted). */
const DIGEST_REPORTS = 100;
const WEEK_MS = 7 * 86_400_000;

const lettersOf = (q: BankQuestion) => CHOICE_LETTERS.slice(0, q.choices.length);

export class Insights {
  private readonly byId: Map<string, BankQuestion>;

  private readonly repo: Repositories['insights'];

  constructor(
    private readonly repos: Pick<Repositories, 'insights' | 'reports'>,
    private readonly content: Pick<ContentStore, 'questions'>,
  ) {
    this.repo = repos.insights;
    this.byId = new Map(content.questions.map((q) => [q.id, q]));
  }

  question(id: string): BankQuestion | undefined {
    return this.byId.get(id);
  }

  /**
   * Questions matching what was typed: the exact id first, then ids starting with it, then prompts containing every
   * word (accents and case ignored); at most `limit`.
   */
  findQuestions(query: string, limit = 25): BankQuestion[] {
    const typed = query.trim().toLowerCase();
    if (!typed) return this.content.questions.slice(0, limit);
    const exact = this.byId.get(typed);
    const words = tokenize(normalize(typed));
    const found = new Set<BankQuestion>(exact ? [exact] : []);
    for (const q of this.content.questions) if (q.id.startsWith(typed)) found.add(q);
    if (words.length)
      for (const q of this.content.questions) {
        const text = normalize(`${q.id} ${q.prompt}`);
        if (words.every((w) => text.includes(w))) found.add(q);
      }
    return [...found].slice(0, limit);
  }

  /**
   * Accuracy per lesson, the most missed questions and who was active, for a scope and a period of local days in
   * `timezone` that runs up to now (a period's end may lie ahead).
   */
  overview(scope: Scope, range: Range, timezone: string): Overview {
    const answersByKind = new Map<AnswerKind, number>();
    const items = this.analyze(scope, range, timezone, undefined, false, (row) =>
      answersByKind.set(row.kind, (answersByKind.get(row.kind) ?? 0) + row.n),
    );
    const active = this.repo.activeMembers(scope, range.start);
    const kinds = (['daily', 'live', 'practice'] as const)
      .filter((kind) => answersByKind.has(kind))
      .map((kind) => ({ kind, answers: answersByKind.get(kind)!, members: active[kind] }));
    const perLesson = new Map<number, LessonAccuracy>();
    for (const { question, analysis } of items) {
      if (analysis.n === 0) continue;
      const row = perLesson.get(question.lesson) ?? { lesson: question.lesson, right: 0, n: 0 };
      row.right += analysis.right;
      row.n += analysis.n;
      perLesson.set(question.lesson, row);
    }
    return {
      activity: { kinds, members: active.all },
      lessons: [...perLesson.values()].sort((a, b) => a.lesson - b.lesson),
      missed: mostMissed(items, MOST_MISSED),
    };
  }

  /**
   * The monitors' digest before a lesson: accuracy per lesson and the most missed over the last 7 local days and
   * today so far, open reports, and the reflections sent for the lesson.
   */
  digest(
    communityId: number,
    lesson: { number: number; title: string },
    now: Date,
    timezone: string,
  ): DigestView {
    const start = startOfLocalDay(new Date(now.getTime() - WEEK_MS), timezone);
    const overview = this.overview(communityId, { start, end: now }, timezone);
    return {
      lesson,
      lessons: overview.lessons,
      missed: overview.missed,
      reports: {
        open: this.repos.reports.open(communityId, DIGEST_REPORTS),
        total: this.repos.reports.openCount(communityId),
      },
      reflections: this.repo.reflections(communityId, lesson.number, DIGEST_REFLECTIONS),
    };
  }

  /** One question's full analysis, discrimination included. */
  questionInsight(scope: Scope, range: Range, timezone: string, question: BankQuestion): QuestionInsight {
    return this.analyze(scope, range, timezone, [question], true)[0]!;
  }

  /** Every question of a lesson, worst first, discrimination included. */
  lessonInsights(scope: Scope, range: Range, timezone: string, lesson: number): QuestionInsight[] {
    const questions = this.content.questions.filter((q) => q.lesson === lesson);
    return this.analyze(scope, range, timezone, questions, true).sort(worstFirst);
  }

  /** Every question of the bank over all time, worst first, discrimination included (`npm run content:report`). */
  bankInsights(scope: Scope): QuestionInsight[] {
    return this.analyze(scope, {}, 'UTC', this.content.questions, true).sort(worstFirst);
  }

  /**
   * The analysis of the given questions (all of the bank when omitted), from letter counts over the range's local
   * days; with `discrimination`, also from each member's tallies. Answers to questions no longer in the bank are left
   * out.
   */
  private analyze(
    scope: Scope,
    range: Range,
    timezone: string,
    questions?: readonly BankQuestion[],
    discrimination = false,
    onTally?: (row: ChoiceTally) => void,
  ): QuestionInsight[] {
    const ids = questions?.map((q) => q.id);
    const counts = new Map<string, Record<string, number>>();
    for (const row of this.repo.choiceTallies(scope, dayRange(range, timezone), ids)) {
      onTally?.(row);
      const c = counts.get(row.questionId) ?? {};
      c[row.choice] = (c[row.choice] ?? 0) + row.n;
      counts.set(row.questionId, c);
    }
    const tallies = new Map<string, MemberTally[]>();
    if (discrimination) {
      const perQuestion = this.repo.memberQuestionTallies(scope, range, ids);
      const totals = this.repo.memberTotals(scope, range, [...new Set(perQuestion.map((t) => t.memberId))]);
      for (const t of perQuestion) {
        const all = totals.get(t.memberId);
        if (!all) continue;
        const list = tallies.get(t.questionId) ?? [];
        list.push({ itemRight: t.right, itemTotal: t.total, allRight: all.right, allTotal: all.total });
        tallies.set(t.questionId, list);
      }
    }
    return (questions ?? this.content.questions).map((question) => ({
      question,
      analysis: analyzeItem({
        letters: lettersOf(question),
        answer: question.answer,
        counts: counts.get(question.id) ?? {},
        ...(discrimination ? { members: tallies.get(question.id) ?? [] } : {}),
      }),
    }));
  }
}
