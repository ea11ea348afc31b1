// Small helpers for `npm run bench`: percentiles, timing, and the report table.

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, i)]!;
}

/** Runs fn once per input, returning each call's duration in milliseconds, sorted. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): number[] {
  const samples: number[] = [];
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    fn(input);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

/** One row of the report: what was measured, the figure, the goal and how the figure compares to it. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** `<= 1` means the figure must stay at or below 1; `>= 10000` at or above. */
  goal?: { op: '<=' | '>='; target: number };
  note?: string;
}

export function formatReport(rows: BenchRow[]): string {
  const lines = ['| benchmark | figure | goal | ratio (figure/goal) | status |', '|---|---:|---:|---:|---|'];
  for (const r of rows) {
    const figure = `${formatNumber(r.value)} ${r.unit}`;
    if (!r.goal) {
      lines.push(`| ${r.name} | ${figure} | — | — | ${r.note ?? ''} |`);
      continue;
    }
    const ratio = r.value / r.goal.target;
    const ok = r.goal.op === '<=' ? r.value <= r.goal.target : r.value >= r.goal.target;
    lines.push(
      `| ${r.name} | ${figure} | ${r.goal.op} ${formatNumber(r.goal.target)} ${r.unit} | ${ratio.toFixed(3)} | ${ok ? 'ok' : 'MISSED'} |`,
    );
  }
  return lines.join('\n');
}

const formatNumber = (n: number) =>
  n >= 1000 ? Math.round(n).toLocaleString('en-US') : n >= 1 ? n.toFixed(2) : n.toFixed(4);

/** Glossary look-ups people make, for the platform benchmarks. */
export const GLOSSARY_QUERIES = [
  'drift',
  'feature store',
  'mlops',
  'ci',
  'registro de modelos',
  'retreinamento',
  'xai',
  'dataops',
];
