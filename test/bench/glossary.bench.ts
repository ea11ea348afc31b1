// Glossary look-up latency (search, plus suggestions on a miss, as /glossary does) over the shipped glossary and a
// generated 5,000-term one.
import { loadContent } from '../../src/content/load.ts';
import type { GlossaryEntry } from '../../src/content/schemas.ts';
import { GlossaryIndex } from '../../src/core/glossary-search.ts';
import { CONTENT_DIR } from '../helpers.ts';
import { type BenchRow, percentile, timeEach } from './stats.ts';

const WORDS =
  'dados modelo pipeline treino deploy monitor drift feature store registro versao teste cultura nuvem metrica sinal rede camada lote fluxo'.split(
    ' ',
  );

function generatedGlossary(count: number, seed = 42): GlossaryEntry[] {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const word = () => `${WORDS[Math.floor(rand() * WORDS.length)]}${Math.floor(rand() * 500)}`;
  return Array.from({ length: count }, (_, i) => ({
    id: `t${i}`,
    term: `${word()} ${word()}`,
    aliases: { pt: [`${word()} ${word()} ${word()}`], en: [word()] },
    definition: 'generated',
    related: [],
    lessons: [],
    source: 'bench',
  }));
}

function lookup(index: GlossaryIndex<GlossaryEntry>, q: string) {
  const hits = index.search(q);
  if (hits.length) return hits;
  const close = index.suggest(q);
  return close.length ? close : index.startingPoints();
}

function queriesFor(entries: GlossaryEntry[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = entries[(i * 7919) % entries.length]!;
    const kind = i % 5;
    if (kind === 0) out.push(e.term);
    else if (kind === 1) out.push(e.term.split(' ')[0]!.toUpperCase());
    else if (kind === 2) out.push(e.term.slice(0, Math.max(3, e.term.length - 3)));
    else if (kind === 3) out.push(e.term.replace(/(\w)(\w)/, '$2$1'));
    else out.push(`xyzzy${i}`);
  }
  return out;
}

function measure(name: string, entries: GlossaryEntry[]): BenchRow[] {
  const index = new GlossaryIndex(entries);
  const queries = queriesFor(entries, 5000);
  timeEach(queries.slice(0, 500), (q) => lookup(index, q)); // warm-up
  const samples = timeEach(queries, (q) => lookup(index, q));
  return [
    { name: `glossary look-up p50 (${name})`, value: percentile(samples, 50), unit: 'ms' },
    {
      name: `glossary look-up p99 (${name})`,
      value: percentile(samples, 99),
      unit: 'ms',
      goal: { op: '<=', target: 1 },
    },
  ];
}

export function benchGlossary(): BenchRow[] {
  const shipped = loadContent(CONTENT_DIR).glossary;
  return [
    ...measure(`shipped, ${shipped.length} terms`, shipped),
    ...measure('generated, 5,000 terms', generatedGlossary(5000)),
  ];
}
