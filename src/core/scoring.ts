// The scoring rules (documented as a table in the README). Pure: inputs in, points out.

export const SCORING = {
  /** Daily question: right answer, plus a bonus per previous consecutive day answered right, capped. */
  daily: { right: 10, streakStep: 2, streakCap: 10 },
  /** Live round: right answer, plus a speed bonus falling linearly from max to 0 over the answer time. */
  live: { right: 10, speedMax: 10 },
  /** Practice: small points per right answer, capped per local day so practice cannot farm the board. */
  practice: { right: 1, dailyCap: 10 },
  /** Reflection: participation points, once per lesson. */
  reflection: { points: 5 },
} as const;

/** Daily question points: base for a right answer and the streak bonus for `streakBefore` previous right days. */
export function dailyPoints(correct: boolean, streakBefore: number): { base: number; bonus: number } {
  if (!correct) return { base: 0, bonus: 0 };
  const bonus = Math.min(SCORING.daily.streakCap, SCORING.daily.streakStep * Math.max(0, streakBefore));
  return { base: SCORING.daily.right, bonus };
}

/** Live round points: base plus a speed bonus, max at 0 ms, 0 at the time limit. */
export function livePoints(
  correct: boolean,
  elapsedMs: number,
  limitMs: number,
): { base: number; bonus: number } {
  if (!correct) return { base: 0, bonus: 0 };
  const remaining = Math.min(1, Math.max(0, 1 - elapsedMs / limitMs));
  return { base: SCORING.live.right, bonus: Math.round(SCORING.live.speedMax * remaining) };
}

/** Practice points for a right answer given what the member already earned from practice today. */
export function practicePoints(correct: boolean, earnedToday: number): number {
  if (!correct) return 0;
  return Math.max(0, Math.min(SCORING.practice.right, SCORING.practice.dailyCap - earnedToday));
}
