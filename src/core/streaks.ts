// Daily-question streaks, counted in the community's local days over the days that had a daily question.

/** One local day on which the community had a daily question, and whether the member got it right. */
export interface DailyDay {
  day: string;
  right: boolean;
}

/** Consecutive right days ending at the most recent day given (days sorted or not; duplicates merged). */
export function currentStreak(days: DailyDay[]): number {
  const merged = mergeDays(days);
  let streak = 0;
  for (let i = merged.length - 1; i >= 0 && merged[i]!.right; i--) streak++;
  return streak;
}

/** The longest run of consecutive right days. */
export function bestStreak(days: DailyDay[]): number {
  let best = 0;
  let run = 0;
  for (const d of mergeDays(days)) {
    run = d.right ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** One entry per day, oldest first; a day counts as right when any daily of that day was answered right. */
function mergeDays(days: DailyDay[]): DailyDay[] {
  const byDay = new Map<string, boolean>();
  for (const d of days) byDay.set(d.day, (byDay.get(d.day) ?? false) || d.right);
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, right]) => ({ day, right }));
}
