// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: "drfit" is one typo from "drift"),
// bounded: returns max + 1 as soon as the answer is known to exceed max, which keeps fuzzy search cheap.

// Three reusable rows, grown on demand: no allocation per call on the search hot path.
let scratch: Int32Array[] = [0, 1, 2].map(() => new Int32Array(64));

export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (scratch[0]!.length <= b.length) scratch = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 2));
  let [prevPrev, prev, row] = scratch as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}
