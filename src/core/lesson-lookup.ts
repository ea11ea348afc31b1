// Finds a lesson from what a user typed: "2", "aula 2", "lesson 2", "#2", or part of its title.
import { editDistance } from './edit-distance.ts';
import { UserError } from './errors.ts';
import type { Translate } from './i18n.ts';
import { userText } from './message.ts';
import { cleanInput, normalize, tokenize, truncate } from './text.ts';

interface Findable {
  number: number;
  id: string;
  title: string;
}

const NUMBER = /^(?:aula|lesson|licao|lição|class)?\s*#?\s*(\d{1,3})$/i;
const LESSON_WORD = /^(?:aula|lesson|licao|class)$/;

interface Ranked<L> {
  lesson: L;
  /** Per query word: 3 a word of the title, 2 the start of one, 1 one typo from one; 0 when a word misses. */
  score: number;
  /** The query is the lesson's whole title or id. */
  exact: boolean;
}

/** Every lesson the query names with its score, best first (ties by lesson number). */
function rankLessons<L extends Findable>(lessons: readonly L[], query: string): Ranked<L>[] {
  // A signed number ("-1", "+2") is no lesson, though normalizing would drop its sign.
  if (/^\s*[-+−]\s*\d/.test(query)) return [];
  const q = normalize(query);
  if (!q) return [];
  const byNumber = NUMBER.exec(q);
  if (byNumber)
    return lessons
      .filter((l) => l.number === Number(byNumber[1]))
      .map((lesson) => ({ lesson, score: Number.POSITIVE_INFINITY, exact: true }));
  const words = tokenize(q).filter((w) => w.length > 2 || /\d/.test(w));
  if (words.length === 0) return [];
  const scored = lessons.map((lesson) => {
    const exact = q === normalize(lesson.title) || q === normalize(lesson.id);
    const title = tokenize(normalize(`${lesson.title} ${lesson.id.replaceAll('-', ' ')}`));
    let score = 0;
    for (const w of words) {
      if (title.includes(w)) score += 3;
      else if (title.some((t) => t.startsWith(w))) score += 2;
      else if (w.length >= 5 && title.some((t) => editDistance(w, t.slice(0, w.length + 1), 1) <= 1))
        score += 1;
      else return { lesson, score: 0, exact };
    }
    return { lesson, score, exact };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.lesson.number - b.lesson.number);
}

/** The lessons a query names: one for a number, possibly several for a title fragment; best first. */
export function findLessons<L extends Findable>(lessons: readonly L[], query: string): L[] {
  return rankLessons(lessons, query).map((s) => s.lesson);
}

/** Which lesson a user meant: exactly one, several equally likely ones (best first), or none. */
export type LessonMatch<L> =
  { kind: 'found'; lesson: L } | { kind: 'ambiguous'; candidates: L[] } | { kind: 'none' };

/**
 * The one rule for "which lesson did the user mean", used by every command that takes a lesson: a number ("2",
 * "aula 2", "#2") names that lesson exactly; a whole title (or id) names its lesson; a title fragment names the lesson
 * it matches best when no other matches as well ("pipelines" is a word of lesson 6's title and only one typo from
 * "pipeline" in lessons 2 and 4, so lesson 6); a fragment that several lessons match equally well ("mlops", "pipeline") is ambiguous, so the user is
 * asked rather than handed the lowest-numbered guess.
 */
export function resolveLesson<L extends Findable>(lessons: readonly L[], query: string): LessonMatch<L> {
  const ranked = rankLessons(lessons, query);
  const [best, runnerUp] = ranked;
  if (!best) return { kind: 'none' };
  const exact = ranked.filter((r) => r.exact);
  if (exact.length === 1) return { kind: 'found', lesson: exact[0]!.lesson };
  if (!runnerUp || best.score > runnerUp.score) return { kind: 'found', lesson: best.lesson };
  return { kind: 'ambiguous', candidates: ranked.map((r) => r.lesson) };
}

/**
 * The lesson a user meant, or a UserError in their words: 'lesson-ambiguous' naming the candidates, 'lesson-not-found'
 * (naming every lesson when `listOnMiss`, as /agenda does, whose job is showing lessons).
 */
export function requireLesson<L extends Findable>(
  lessons: readonly L[],
  query: string,
  t: Translate,
  options: { listOnMiss?: boolean } = {},
): L {
  const match = resolveLesson(lessons, query);
  if (match.kind === 'found') return match.lesson;
  const echo = userText(truncate(cleanInput(query), 40));
  const list = (some: readonly L[]) => some.map((l) => `${l.number} — ${l.title}`).join('; ');
  if (match.kind === 'ambiguous')
    throw new UserError(
      'lesson-ambiguous',
      t('agenda.many', { query: echo, list: list(match.candidates), example: match.candidates[0]!.number }),
    );
  throw new UserError(
    'lesson-not-found',
    options.listOnMiss
      ? t('agenda.notFound', { query: echo, list: list(lessons) })
      : t('quiz.unknownLesson', { query: echo }),
  );
}

/**
 * Lesson suggestions while a lesson option is typed: every lesson for nothing typed (or only "aula"), else those the query names
 * (best first), else, for a start too short to search ("cu"), those whose number and title contain it. Values are
 * lesson numbers, which resolveLesson takes exactly.
 */
export function suggestLessons<L extends Findable>(
  lessons: readonly L[],
  partial: string,
): { name: string; value: string }[] {
  const q = normalize(partial);
  // Nothing typed yet but the word for lesson ("aula", "lesson #"): every lesson, as for nothing at all.
  const found = q && !LESSON_WORD.test(q) ? findLessons(lessons, partial) : lessons;
  const shown = found.length ? found : lessons.filter((l) => normalize(`${l.number} ${l.title}`).includes(q));
  return shown.map((l) => ({ name: truncate(`${l.number}. ${l.title}`, 100), value: String(l.number) }));
}
