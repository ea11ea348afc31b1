// Classical item analysis of quiz questions, from aggregates already counted by the database: difficulty (share of
// right answers), how answers spread over the choices, discrimination (corrected item-total correlation) and flags in
// plain words. Pure: no database, no clock; every figure /insights, the digest and `npm run content:report` show comes
// from here.

/** Below this many answers (or members, for discrimination) no figure is judged: flags need evidence. */
export const MIN_EVIDENCE = 5;
/** Difficulty under this: too hard. */
export const TOO_HARD_BELOW = 0.2;
/** Difficulty over this: too easy. */
export const TOO_EASY_ABOVE = 0.95;
/** A wrong choice picked by less than this share of answers is not working as a distractor … */
export const DEAD_DISTRACTOR_BELOW = 0.05;
/** … judged only once the question has this many answers. */
export const DEAD_DISTRACTOR_MIN_N = 20;

/** One member's answers: to this item, and to every item of the same reading (this one included). */
export interface MemberTally {
  itemRight: number;
  itemTotal: number;
  allRight: number;
  allTotal: number;
}

/** What the analysis of one question is computed from. */
export interface ItemInput {
  /** The letters offered (A, B, … one per choice). */
  letters: readonly string[];
  /** The right letter. */
  answer: string;
  /** Answers per letter (a letter missing means none). */
  counts: Readonly<Record<string, number>>;
  /** Per member who answered it; omitted when discrimination is not wanted. */
  members?: readonly MemberTally[];
}

export type ItemFlag =
  | { kind: 'too-hard' }
  | { kind: 'too-easy' }
  | { kind: 'negative-discrimination' }
  | { kind: 'dead-distractors'; letters: string[] };

export interface ChoiceShare {
  letter: string;
  count: number;
  /** count / n (0 when n = 0). */
  share: number;
  right: boolean;
}

export interface ItemAnalysis {
  /** Answers counted. */
  n: number;
  right: number;
  /** Difficulty: right / n; undefined without answers. */
  p: number | undefined;
  spread: ChoiceShare[];
  /** The wrong letter chosen most (ties: the first letter), if any wrong answer was given. */
  topWrong: ChoiceShare | undefined;
  /** Corrected item-total correlation; undefined when not computable (see `itemRestCorrelation`). */
  discrimination: number | undefined;
  /** Members whose answers entered the discrimination. */
  discriminationN: number;
  flags: ItemFlag[];
}

/**
 * The corrected item-total correlation (item–rest point-biserial) of one item, over the members who answered it.
 *
 * For member m: x = itemRight / itemTotal, their score on this item (0 or 1 when they answered it once, the share
 * right when several times), and y = (allRight − itemRight) / (allTotal − itemTotal), their accuracy on the REST of
 * their answers (this item left out, so the item does not correlate with itself). Members with no other answer have no
 * y and are left out. The result is Pearson's r of (x, y):
 *
 *   r = Σ (x − x̄)(y − ȳ) / √( Σ (x − x̄)² · Σ (y − ȳ)² )
 *
 * which for 0/1 x is the point-biserial r = (M₁ − M₀) / s_y · √(p·q) (M₁, M₀: mean y of those right / wrong; s_y the
 * population deviation of y; p the share right). Undefined — not shown — with fewer than MIN_EVIDENCE members, or
 * when either variance is zero (everyone right, everyone wrong, or all rest scores tied): r is then 0/0.
 */
export function itemRestCorrelation(members: readonly MemberTally[]): { r: number | undefined; n: number } {
  const pairs = members
    .filter((m) => m.itemTotal > 0 && m.allTotal > m.itemTotal)
    .map((m) => ({
      x: m.itemRight / m.itemTotal,
      y: (m.allRight - m.itemRight) / (m.allTotal - m.itemTotal),
    }));
  const n = pairs.length;
  if (n < MIN_EVIDENCE) return { r: undefined, n };
  const mx = pairs.reduce((s, p) => s + p.x, 0) / n;
  const my = pairs.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const { x, y } of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  // Sums of squares of values in [0, 1]: anything this small is rounding noise around an exact zero.
  if (sxx < 1e-12 || syy < 1e-12) return { r: undefined, n };
  return { r: sxy / Math.sqrt(sxx * syy), n };
}

/** Difficulty, spread, discrimination and flags of one question. */
export function analyzeItem(input: ItemInput): ItemAnalysis {
  const letters = [...input.letters];
  // Answers recorded for a letter the question no longer offers still count (they were given).
  for (const letter of Object.keys(input.counts)) if (!letters.includes(letter)) letters.push(letter);
  const n = letters.reduce((s, l) => s + (input.counts[l] ?? 0), 0);
  const right = input.counts[input.answer] ?? 0;
  const spread = letters.map((letter) => {
    const count = input.counts[letter] ?? 0;
    return { letter, count, share: n === 0 ? 0 : count / n, right: letter === input.answer };
  });
  const topWrong = spread
    .filter((c) => !c.right && c.count > 0)
    .reduce<ChoiceShare | undefined>((best, c) => (!best || c.count > best.count ? c : best), undefined);
  const { r, n: discriminationN } = input.members
    ? itemRestCorrelation(input.members)
    : { r: undefined, n: 0 };
  const p = n === 0 ? undefined : right / n;

  const flags: ItemFlag[] = [];
  if (p !== undefined && n >= MIN_EVIDENCE) {
    if (p < TOO_HARD_BELOW) flags.push({ kind: 'too-hard' });
    if (p > TOO_EASY_ABOVE) flags.push({ kind: 'too-easy' });
  }
  if (r !== undefined && r < 0) flags.push({ kind: 'negative-discrimination' });
  if (n >= DEAD_DISTRACTOR_MIN_N) {
    const dead = spread
      .filter((c) => !c.right && input.letters.includes(c.letter) && c.share < DEAD_DISTRACTOR_BELOW)
      .map((c) => c.letter);
    if (dead.length) flags.push({ kind: 'dead-distractors', letters: dead });
  }
  return { n, right, p, spread, topWrong, discrimination: r, discriminationN, flags };
}

/**
 * Worst first: more flags first, then lower share right, then more answers (a figure with more evidence first);
 * questions without answers last.
 */
export function worstFirst<T extends { analysis: ItemAnalysis }>(a: T, b: T): number {
  const pa = a.analysis.p;
  const pb = b.analysis.p;
  if ((pa === undefined) !== (pb === undefined)) return pa === undefined ? 1 : -1;
  return (
    b.analysis.flags.length - a.analysis.flags.length || (pa ?? 0) - (pb ?? 0) || b.analysis.n - a.analysis.n
  );
}

/** Most missed first: lower share right, then more answers; questions without answers are left out. */
export function mostMissed<T extends { analysis: ItemAnalysis }>(items: readonly T[], limit: number): T[] {
  return items
    .filter((i) => i.analysis.n > 0 && i.analysis.right < i.analysis.n)
    .sort((a, b) => a.analysis.p! - b.analysis.p! || b.analysis.n - a.analysis.n)
    .slice(0, limit);
}

/** A compact text bar of a share in [0, 1]: `▇▇▇▇▇▁▁▁` (width cells). */
export function shareBar(share: number, width = 8): string {
  const full = Math.round(Math.min(1, Math.max(0, share)) * width);
  return '▇'.repeat(full) + '▁'.repeat(width - full);
}
