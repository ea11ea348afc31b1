// Item analysis against values worked out by hand (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import {
  analyzeItem,
  itemRestCorrelation,
  type MemberTally,
  mostMissed,
  shareBar,
  worstFirst,
} from '../../src/core/item-analysis.ts';

/** A member who answered the item once (x = 0 or 1) and `restTotal` other questions, `restRight` of them right. */
const member = (x: 0 | 1, restRight: number, restTotal = 5): MemberTally => ({
  itemRight: x,
  itemTotal: 1,
  allRight: x + restRight,
  allTotal: 1 + restTotal,
});

// Six members; rest scores y = 4/5, 3/5, 2/5 for those right and 3/5, 1/5, 0/5 for those wrong.
// x̄ = 0.5, ȳ = 2.6 / 6. Σ(x − x̄)(y − ȳ) = 0.5 · (Σy right − Σy wrong) = 0.5 · (1.8 − 0.8) = 0.5.
// Σ(x − x̄)² = 6 · 0.25 = 1.5. Σ(y − ȳ)² = Σy² − 6ȳ² = 1.56 − 2.6²/6 = 0.4333…
// r = 0.5 / √(1.5 · 0.4333…) = 0.5 / √0.65 = 0.620174…
// Point-biserial check: M₁ = 0.6, M₀ = 0.2667, s_y = √(0.4333/6) = 0.268742, √(pq) = 0.5:
// (0.6 − 0.2667) / 0.268742 · 0.5 = 0.620174.
const SIX = [member(1, 4), member(1, 3), member(1, 2), member(0, 3), member(0, 1), member(0, 0)];

describe('item–rest correlation (corrected point-biserial)', () => {
  it('matches the hand-computed value', () => {
    const { r, n } = itemRestCorrelation(SIX);
    expect(n).toBe(6);
    expect(r).toBeCloseTo(0.5 / Math.sqrt(0.65), 10);
    expect(r).toBeCloseTo(0.620174, 6);
  });

  it('is negative when the strong members miss the item (signs flipped: −0.620174)', () => {
    const flipped = SIX.map((m) => ({
      ...m,
      itemRight: 1 - m.itemRight,
      allRight: m.allRight - m.itemRight + (1 - m.itemRight),
    }));
    expect(itemRestCorrelation(flipped).r).toBeCloseTo(-0.620174, 6);
  });

  it('leaves the item out of the total: a member right only on this item has rest score 0', () => {
    // Five members: x = 1,1,0,0,1 with rest 0/4, 4/4, 2/4, 2/4, 2/4 → y = 0, 1, .5, .5, .5; x̄ = .6, ȳ = .5.
    // Σ(x−x̄)(y−ȳ) = .4·(−.5) + .4·(.5) + (−.6)(0) + (−.6)(0) + .4·0 = 0 → r = 0 (defined: both variances > 0).
    const five = [member(1, 0, 4), member(1, 4, 4), member(0, 2, 4), member(0, 2, 4), member(1, 2, 4)];
    expect(itemRestCorrelation(five).r).toBeCloseTo(0, 12);
  });

  it('counts a member who answered the item several times by their share right on it', () => {
    // x = 2/4 = 0.5 for the first member; the rest as in SIX with x of the first 1 → 0.5:
    // x = .5, 1, 1, 0, 0, 0; x̄ = 2.5/6; Pearson computed directly below, by hand:
    const tallies = [
      { itemRight: 2, itemTotal: 4, allRight: 6, allTotal: 9 }, // rest 4/5 = .8
      ...SIX.slice(1),
    ];
    const xs = [0.5, 1, 1, 0, 0, 0];
    const ys = [0.8, 0.6, 0.4, 0.6, 0.2, 0];
    const mx = 2.5 / 6;
    const my = 2.6 / 6;
    const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const syy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
    expect(itemRestCorrelation(tallies).r).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
  });

  it('is not shown with fewer than 5 members', () => {
    expect(itemRestCorrelation(SIX.slice(0, 4))).toEqual({ r: undefined, n: 4 });
  });

  it('leaves out members with no other answer (no rest score), which can drop it under 5', () => {
    const onlyThis: MemberTally = { itemRight: 1, itemTotal: 1, allRight: 1, allTotal: 1 };
    expect(itemRestCorrelation([...SIX.slice(0, 4), onlyThis])).toEqual({ r: undefined, n: 4 });
  });

  it('is undefined on ties: every rest score equal, everyone right, or everyone wrong', () => {
    const tiedRest = [member(1, 3), member(0, 3), member(1, 3), member(0, 3), member(1, 3)];
    expect(itemRestCorrelation(tiedRest).r).toBeUndefined();
    const allRight = [member(1, 0), member(1, 1), member(1, 2), member(1, 3), member(1, 4)];
    expect(itemRestCorrelation(allRight).r).toBeUndefined();
    const allWrong = allRight.map((m) => ({ ...m, itemRight: 0, allRight: m.allRight - 1 }));
    expect(itemRestCorrelation(allWrong).r).toBeUndefined();
  });
});

describe('difficulty, spread and flags', () => {
  const LETTERS = ['A', 'B', 'C', 'D'];

  it('counts difficulty and the spread over the letters', () => {
    // 13 + 6 + 1 + 0 = 20 answers; key A: p = 13/20 = 0.65. Shares .65, .30, .05, 0.
    const a = analyzeItem({ letters: LETTERS, answer: 'A', counts: { A: 13, B: 6, C: 1 } });
    expect(a.n).toBe(20);
    expect(a.right).toBe(13);
    expect(a.p).toBe(0.65);
    expect(a.spread.map((c) => [c.letter, c.count, c.share, c.right])).toEqual([
      ['A', 13, 0.65, true],
      ['B', 6, 0.3, false],
      ['C', 1, 0.05, false],
      ['D', 0, 0, false],
    ]);
    expect(a.topWrong?.letter).toBe('B');
    // n = 20 ≥ 20: D (0%) is below 5%; C is exactly 5%, not below.
    expect(a.flags).toEqual([{ kind: 'dead-distractors', letters: ['D'] }]);
    expect(a.discrimination).toBeUndefined();
  });

  it('does not judge distractors under 20 answers', () => {
    // 13 + 5 + 1 = 19 answers: D at 0% is not flagged yet.
    const a = analyzeItem({ letters: LETTERS, answer: 'A', counts: { A: 13, B: 5, C: 1 } });
    expect(a.flags).toEqual([]);
  });

  it('flags too hard (p < 0.2) and too easy (p > 0.95)', () => {
    // 1 right of 10: p = 0.1.
    expect(analyzeItem({ letters: LETTERS, answer: 'A', counts: { A: 1, B: 9 } }).flags).toEqual([
      { kind: 'too-hard' },
    ]);
    // 2 right of 10: p = 0.2, not below.
    expect(analyzeItem({ letters: LETTERS, answer: 'A', counts: { A: 2, B: 8 } }).flags).toEqual([]);
    // 20 of 20: p = 1 > 0.95; and B, C, D at 0% with n = 20.
    expect(analyzeItem({ letters: LETTERS, answer: 'A', counts: { A: 20 } }).flags).toEqual([
      { kind: 'too-easy' },
      { kind: 'dead-distractors', letters: ['B', 'C', 'D'] },
    ]);
  });

  it('judges nothing under 5 answers', () => {
    const a = analyzeItem({ letters: LETTERS, answer: 'A', counts: { B: 4 } });
    expect(a.p).toBe(0);
    expect(a.flags).toEqual([]);
    const none = analyzeItem({ letters: LETTERS, answer: 'A', counts: {} });
    expect(none.p).toBeUndefined();
    expect(none.topWrong).toBeUndefined();
  });

  it('flags negative discrimination (likely a wrong or ambiguous key)', () => {
    const flipped = SIX.map((m) => ({
      ...m,
      itemRight: 1 - m.itemRight,
      allRight: m.allRight - m.itemRight + (1 - m.itemRight),
    }));
    const a = analyzeItem({ letters: LETTERS, answer: 'A', counts: { A: 3, B: 3 }, members: flipped });
    expect(a.discrimination).toBeCloseTo(-0.620174, 6);
    expect(a.discriminationN).toBe(6);
    expect(a.flags).toEqual([{ kind: 'negative-discrimination' }]);
  });

  it('sorts worst first and picks the most missed', () => {
    const item = (id: string, counts: Record<string, number>) => ({
      id,
      analysis: analyzeItem({ letters: LETTERS, answer: 'A', counts }),
    });
    const items = [
      item('fine', { A: 6, B: 4 }), // p .6, no flag
      item('hard', { A: 1, B: 9 }), // p .1, too hard
      item('meh', { A: 3, B: 7 }), // p .3
      item('none', {}),
      item('perfect', { A: 3 }), // p 1 but n < 5: no flag, never missed
    ];
    expect([...items].sort(worstFirst).map((i) => i.id)).toEqual(['hard', 'meh', 'fine', 'perfect', 'none']);
    expect(mostMissed(items, 2).map((i) => i.id)).toEqual(['hard', 'meh']);
  });

  it('draws the share bar in eighths', () => {
    // 0.62 · 8 = 4.96 → 5 full cells.
    expect(shareBar(0.62)).toBe('▇▇▇▇▇▁▁▁');
    expect(shareBar(0)).toBe('▁▁▁▁▁▁▁▁');
    expect(shareBar(1)).toBe('▇▇▇▇▇▇▇▇');
  });
});
