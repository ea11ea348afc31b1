// What a member types when reporting a problem with a question: the reason in either language ("errada",
// "ambígua", "texto", "outro", or the English words), and a question by id, with suggestions by id and prompt.
import { editDistance } from './edit-distance.ts';
import { normalize, tokenize, truncate } from './text.ts';

/** The reasons, as stored (the same list as the database's REPORT_REASONS, which the command checks at compile time). */
export const REASONS = ['wrong-key', 'ambiguous', 'typo', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** The words accepted for each reason, normalised (no accents, lower case, punctuation as spaces). */
const ALIASES: Record<Reason, readonly string[]> = {
  'wrong-key': [
    'wrong key',
    'wrong',
    'key',
    'wrong answer',
    'errada',
    'errado',
    'resposta errada',
    'gabarito',
  ],
  ambiguous: ['ambiguous', 'ambigua', 'ambiguo', 'confusa'],
  typo: ['typo', 'text', 'texto', 'erro de texto', 'erro'],
  other: ['other', 'outro', 'outra'],
};

/** The reason a word names ("ambígua", "Wrong-Key", "texto"), or undefined. */
export function parseReason(input: string): Reason | undefined {
  const word = normalize(input);
  return word ? REASONS.find((r) => ALIASES[r].includes(word)) : undefined;
}

interface Findable {
  id: string;
  prompt: string;
}

/** The question with this id (any case), if there is one. */
export const findQuestion = <Q extends Findable>(questions: readonly Q[], id: string): Q | undefined => {
  const key = id.trim().toLowerCase();
  return questions.find((q) => q.id.toLowerCase() === key);
};

/**
 * Questions a partial id or some words of a prompt name, best first: the id itself, ids starting with it, ids
 * containing it, then prompts containing every word; with nothing typed, the first `limit` questions.
 */
export function matchQuestions<Q extends Findable>(
  questions: readonly Q[],
  partial: string,
  limit = 25,
): Q[] {
  const q = partial.trim().toLowerCase();
  if (!q) return questions.slice(0, limit);
  const words = tokenize(normalize(partial));
  const rank = (question: Q): number => {
    const id = question.id.toLowerCase();
    if (id === q) return 4;
    if (id.startsWith(q)) return 3;
    if (id.includes(q)) return 2;
    const prompt = normalize(question.prompt);
    return words.length && words.every((w) => prompt.includes(w)) ? 1 : 0;
  };
  return questions
    .map((question, i) => ({ question, i, score: rank(question) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((r) => r.question);
}

/** Ids close to a mistyped one (a typo or two, or a match by id or prompt), for "did you mean". */
export function suggestQuestionIds(questions: readonly Findable[], query: string, limit = 3): string[] {
  const matched = matchQuestions(questions, query, limit).map((q) => q.id);
  if (matched.length) return matched;
  const key = query.trim().toLowerCase().slice(0, 64);
  return questions
    .map((q) => ({ id: q.id, d: editDistance(key, q.id.toLowerCase(), 3) }))
    .filter((s) => s.d <= 3)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((s) => s.id);
}

/** An autocomplete choice for a question: "l2-feature-store — Qual é o papel…", the id as its value. */
export const questionChoice = (q: Findable) => ({
  name: truncate(`${q.id} — ${q.prompt}`, 100),
  value: q.id,
});
