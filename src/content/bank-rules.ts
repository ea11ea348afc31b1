// Rules over the whole question bank that keep it a test of knowledge, not of test-wiseness: no length cue (the right
// choice must not give itself away by being the longest) and no two questions that test one fact.
import { normalize, tokenize } from '../core/text.ts';
import type { ContentProblem } from './problem.ts';
import { type BankQuestion, CHOICE_LETTERS } from './schemas.ts';

/** Most questions of one lesson whose right choice may be the strictly longest (chance is 1 in the choice count). */
export const MAX_KEY_LONGEST_SHARE_PER_LESSON = 0.4;
/** The same, over the whole bank. */
export const MAX_KEY_LONGEST_SHARE_BANK = 0.3;
/** A right choice at least this many times the longest distractor stands out on sight. */
export const KEY_MUCH_LONGER_RATIO = 1.3;
/** Most questions of the bank whose right choice may be KEY_MUCH_LONGER_RATIO times the longest distractor. */
export const MAX_KEY_MUCH_LONGER_SHARE_BANK = 0.1;
/** Fewer questions than this in a lesson and a per-lesson share says little. */
const LENGTH_CUE_MIN_QUESTIONS = 5;

/** Two right choices are near-duplicates when the shorter one's content words almost all recur in the other... */
export const NEAR_DUPLICATE_KEY_CONTAINMENT = 0.8;
/** ...and they share at least this many content words (so "Docker" and "Containers → Docker" do not count). */
export const NEAR_DUPLICATE_MIN_SHARED_WORDS = 3;
/** Two prompts are near-duplicates when their content words overlap this much (Jaccard index). */
export const NEAR_DUPLICATE_PROMPT_JACCARD = 0.7;

const QUIZ_DIR_LABEL = 'content/quizzes';

/** Choice lengths as the brief measures them: JavaScript string length. */
function keyLengths(q: BankQuestion): { key: number; longestOther: number } | undefined {
  const k = CHOICE_LETTERS.indexOf(q.answer);
  if (k < 0 || k >= q.choices.length) return undefined;
  const others = q.choices.filter((_, i) => i !== k).map((c) => c.length);
  return { key: q.choices[k]!.length, longestOther: Math.max(0, ...others) };
}

const percent = (n: number, of: number) => `${Number(((n / of) * 100).toFixed(1))}%`;

/** Length cue: the key as the strictly longest choice (per lesson and bank-wide) and keys far longer than the rest. */
export function lengthCueProblems(questions: readonly BankQuestion[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byLesson = new Map<number, BankQuestion[]>();
  for (const q of questions) byLesson.set(q.lesson, [...(byLesson.get(q.lesson) ?? []), q]);

  const longest: BankQuestion[] = [];
  const muchLonger: BankQuestion[] = [];
  let measured = 0;
  for (const [lesson, list] of [...byLesson].sort(([a], [b]) => a - b)) {
    const inLesson: BankQuestion[] = [];
    let lessonMeasured = 0;
    for (const q of list) {
      const len = keyLengths(q);
      if (!len) continue;
      lessonMeasured++;
      if (len.key > len.longestOther) inLesson.push(q);
      if (len.key >= KEY_MUCH_LONGER_RATIO * len.longestOther) muchLonger.push(q);
    }
    measured += lessonMeasured;
    longest.push(...inLesson);
    if (
      lessonMeasured >= LENGTH_CUE_MIN_QUESTIONS &&
      inLesson.length / lessonMeasured > MAX_KEY_LONGEST_SHARE_PER_LESSON
    ) {
      problems.push({
        file: list[0]!.file,
        field: 'questions[*].choices',
        message:
          `length cue: lesson ${lesson}: the right choice is the strictly longest in ${inLesson.length} of ` +
          `${lessonMeasured} questions (${percent(inLesson.length, lessonMeasured)}; max ` +
          `${MAX_KEY_LONGEST_SHARE_PER_LESSON * 100}% per lesson): ${inLesson.map((q) => q.id).join(', ')}`,
      });
    }
  }
  if (measured === 0) return problems;

  if (longest.length / measured > MAX_KEY_LONGEST_SHARE_BANK) {
    problems.push({
      file: QUIZ_DIR_LABEL,
      field: 'questions[*].choices',
      message:
        `length cue: across the bank the right choice is the strictly longest in ${longest.length} of ${measured} ` +
        `questions (${percent(longest.length, measured)}; max ${MAX_KEY_LONGEST_SHARE_BANK * 100}%): ` +
        byFile(longest),
    });
  }
  if (muchLonger.length / measured > MAX_KEY_MUCH_LONGER_SHARE_BANK) {
    problems.push({
      file: QUIZ_DIR_LABEL,
      field: 'questions[*].choices',
      message:
        `length cue: in ${muchLonger.length} of ${measured} questions (${percent(muchLonger.length, measured)}; ` +
        `max ${MAX_KEY_MUCH_LONGER_SHARE_BANK * 100}%) the right choice is at least ${KEY_MUCH_LONGER_RATIO}× ` +
        `the longest distractor: ${byFile(muchLonger)}`,
    });
  }
  return problems;
}

/** "01-x.yaml: a, b; 02-y.yaml: c", so an author sees where to work. */
function byFile(list: readonly BankQuestion[]): string {
  const groups = new Map<string, string[]>();
  for (const q of list) groups.set(q.file, [...(groups.get(q.file) ?? []), q.id]);
  return [...groups]
    .map(([file, ids]) => `${file.split('/').pop()} (${ids.length}): ${ids.join(', ')}`)
    .join('; ');
}

// Words that carry no fact of their own in this course: Portuguese (and a little English) function words, and the
// domain words almost every question uses. Stemming keeps the first five letters ("versionados" = "versionamento").
const FILLER = new Set(
  (
    'a o as os um uma uns umas de da do das dos e em no na nos nas ao aos por para pelo pela pelos pelas com sem ' +
    'que qual quais se sua seu suas seus ser sao ou como mais menos segundo deste desta este esta esse essa isso ' +
    'isto entre sobre ele ela eles elas ja nao sim ter tem cada quando onde pode podem deve devem faz fazer foi ' +
    'esta estao the of and to in is dados dado modelo modelos ml mlops machine learning aprendizado maquina ' +
    'material notas aula'
  ).split(' '),
);

/** The content words of a text, stemmed, as a set. */
export function contentWords(text: string): Set<string> {
  return new Set(
    tokenize(normalize(text))
      .filter((w) => !FILLER.has(w))
      .map((w) => (w.length > 5 ? w.slice(0, 5) : w.replace(/s$/, ''))),
  );
}

/** Words in both sets; a loop, not a filtered copy: the bank is compared pair by pair at every start. */
function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Two questions that test one fact: near-identical prompts, or right choices that say the same thing. */
export function nearDuplicateProblems(questions: readonly BankQuestion[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const items = questions
    .map((q) => {
      const k = CHOICE_LETTERS.indexOf(q.answer);
      const key = k >= 0 && k < q.choices.length ? q.choices[k]! : '';
      return { q, prompt: contentWords(q.prompt), key: contentWords(key) };
    })
    .sort((a, b) => a.q.lesson - b.q.lesson || a.q.file.localeCompare(b.q.file) || a.q.index - b.q.index);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const first = items[i]!;
      const later = items[j]!;
      const other = () => `"${first.q.id}" (${first.q.file})`;
      const where = (field: string) => `questions[${later.q.index}].${field}`;
      const promptShared = sharedCount(first.prompt, later.prompt);
      const promptUnion = first.prompt.size + later.prompt.size - promptShared;
      if (
        promptShared >= NEAR_DUPLICATE_MIN_SHARED_WORDS &&
        promptShared / promptUnion >= NEAR_DUPLICATE_PROMPT_JACCARD
      ) {
        problems.push({
          file: later.q.file,
          field: where('prompt'),
          message:
            `near-duplicate prompt: "${later.q.id}" asks what ${other()} asks (${promptShared} of ` +
            `${promptUnion} content words shared); rewrite the later one to test another fact`,
        });
        continue;
      }
      const keyShared = sharedCount(first.key, later.key);
      const shorter = Math.min(first.key.size, later.key.size);
      if (
        keyShared >= NEAR_DUPLICATE_MIN_SHARED_WORDS &&
        keyShared / shorter >= NEAR_DUPLICATE_KEY_CONTAINMENT
      ) {
        problems.push({
          file: later.q.file,
          field: where('answer'),
          message:
            `near-duplicate answer: the right choice of "${later.q.id}" says what the right choice of ${other()} ` +
            `says (${keyShared} of ${shorter} content words shared); rewrite the later one to test another fact`,
        });
      }
    }
  }
  return problems;
}
