// Competition ranking ("1224"): equal points share a rank, the next rank skips.

export interface Ranked<T> {
  rank: number;
  row: T;
}

/** Ranks rows already sorted by points, highest first. */
export function competitionRanks<T extends { points: number }>(
  sorted: readonly T[],
  firstRank = 1,
): Ranked<T>[] {
  const out: Ranked<T>[] = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    out.push({ rank: prev && prev.row.points === row.points ? prev.rank : firstRank + i, row });
  });
  return out;
}
