// Glossary look-up: accent-, case- and punctuation-insensitive, typo-tolerant, ranked exact > word > prefix > fuzzy.
import { editDistance } from './edit-distance.ts';
import { normalize, tokenize } from './text.ts';

/** What the search needs of an entry. */
export interface Searchable {
  id: string;
  term: string;
  aliases: { pt: string[]; en: string[] };
  related?: string[];
}

/** How a query matched: lower is better. */
export enum MatchTier {
  Exact = 0,
  Words = 1,
  Prefix = 2,
  Fuzzy = 3,
}

export interface GlossaryHit<E> {
  entry: E;
  tier: MatchTier;
  /** The name (term or alias) that matched. */
  matched: string;
}

// Little words that never decide a match ("desvio de conceito" = "desvio conceito").
const STOPWORDS = new Set([
  'de',
  'da',
  'do',
  'das',
  'dos',
  'e',
  'a',
  'o',
  'as',
  'os',
  'em',
  'of',
  'the',
  'and',
  'for',
]);

interface Name {
  entry: number;
  display: string;
  key: string;
  words: string[];
}

/** Allowed typos for a word of this length: none under 4 letters, one up to 7, two from 8. */
const typoBudget = (len: number) => (len < 4 ? 0 : len < 8 ? 1 : 2);

const bigrams = (word: string): string[] => {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) grams.add(word.slice(i, i + 2));
  return [...grams];
};

/** An index over terms and aliases, built once per content load. */
export class GlossaryIndex<E extends Searchable> {
  private readonly names: Name[] = [];
  private readonly byKey = new Map<string, number[]>();
  /** Distinct words, sorted, for prefix ranges; wordNames[i] lists the names containing words[i]. */
  private readonly words: string[];
  private readonly wordIds = new Map<string, number>();
  private readonly wordNames: number[][];
  /** bigram → ids of the words containing it, to find typo candidates without scanning every word. */
  private readonly gramWords = new Map<string, number[]>();
  private readonly gramCounts: Uint16Array;
  private readonly central: E[];

  constructor(readonly entries: readonly E[]) {
    const namesByWord = new Map<string, number[]>();
    entries.forEach((entry, i) => {
      const seen = new Set<string>();
      for (const display of [entry.term, ...entry.aliases.pt, ...entry.aliases.en]) {
        const key = normalize(display);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const nameId = this.names.length;
        const words = tokenize(key).filter((w) => !STOPWORDS.has(w));
        this.names.push({ entry: i, display, key, words });
        push(this.byKey, key, nameId);
        for (const w of new Set(words)) push(namesByWord, w, nameId);
      }
    });
    this.words = [...namesByWord.keys()].sort();
    this.wordNames = this.words.map((w) => namesByWord.get(w)!);
    this.words.forEach((w, id) => {
      this.wordIds.set(w, id);
      for (const g of bigrams(w)) push(this.gramWords, g, id);
    });
    this.gramCounts = new Uint16Array(this.words.length);
    // Terms most often named as related: sensible starting points when a query resembles nothing.
    const mentions = new Map<string, number>();
    for (const e of entries) for (const r of e.related ?? []) mentions.set(r, (mentions.get(r) ?? 0) + 1);
    this.central = [...entries]
      .sort((a, b) => (mentions.get(b.id) ?? 0) - (mentions.get(a.id) ?? 0))
      .slice(0, 3);
  }

  /** Entries matching the query at the best tier found, best first. Empty when nothing matches. */
  search(query: string): GlossaryHit<E>[] {
    const key = normalize(query);
    if (!key) return [];
    const exact = this.byKey.get(key);
    if (exact) return this.collect(new Map(exact.map((n) => [n, MatchTier.Exact])));
    const queryWords = [...new Set(tokenize(key).filter((w) => !STOPWORDS.has(w)))];
    if (queryWords.length === 0) return [];
    const strict = this.matchWords(queryWords, false);
    if (strict.size > 0) return this.collect(strict);
    return this.collect(this.matchWords(queryWords, true));
  }

  /** The closest terms, for "did you mean…" when search finds nothing; empty when nothing is close. */
  suggest(query: string, limit = 3): E[] {
    const queryWords = [...new Set(tokenize(normalize(query)).filter((w) => !STOPWORDS.has(w)))].slice(0, 10);
    const scores = new Map<number, number>();
    for (const qw of queryWords) {
      const bestPerEntry = new Map<number, number>();
      for (const { word, similarity } of this.similarWords(qw, 20)) {
        for (const nameId of this.wordNames[word]!) {
          const entry = this.names[nameId]!.entry;
          bestPerEntry.set(entry, Math.max(bestPerEntry.get(entry) ?? 0, similarity));
        }
      }
      for (const [entry, s] of bestPerEntry) scores.set(entry, (scores.get(entry) ?? 0) + s);
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || this.entries[a[0]]!.term.localeCompare(this.entries[b[0]]!.term))
      .slice(0, limit)
      .map(([i]) => this.entries[i]!);
  }

  /** A few well-connected terms to offer when a query resembles nothing at all. */
  startingPoints(): E[] {
    return this.central;
  }

  /**
   * Names whose words cover every query word; the tier is the worst word match. In the fuzzy pass only words with no
   * exact or prefix hit are matched loosely, and against the names the other words left, when there are any.
   */
  private matchWords(queryWords: string[], fuzzy: boolean): Map<number, MatchTier> {
    let result: Map<number, MatchTier> | undefined;
    const loose: string[] = [];
    for (const qw of queryWords) {
      const hits = this.strictHits(qw);
      if (hits.size === 0 && fuzzy) {
        loose.push(qw);
        continue;
      }
      result = intersect(result, hits);
      if (result.size === 0) return result;
    }
    for (const qw of loose) {
      const hits = result ? this.fuzzyHitsWithin(qw, result) : this.fuzzyHits(qw);
      result = intersect(result, hits);
      if (result.size === 0) return result;
    }
    return result ?? new Map();
  }

  /** Names with a word equal to (Words) or starting with (Prefix) the query word. */
  private strictHits(qw: string): Map<number, MatchTier> {
    const hits = new Map<number, MatchTier>();
    for (let i = lowerBound(this.words, qw); i < this.words.length && this.words[i]!.startsWith(qw); i++) {
      markNames(hits, this.wordNames[i]!, this.words[i] === qw ? MatchTier.Words : MatchTier.Prefix);
    }
    return hits;
  }

  /** Names with a word within the typo budget of the query word, over the whole index. */
  private fuzzyHits(qw: string): Map<number, MatchTier> {
    const hits = new Map<number, MatchTier>();
    const budget = typoBudget(qw.length);
    if (budget === 0) return hits;
    // Each insertion, deletion or substitution destroys at most two bigrams, so this filter loses no match.
    for (const id of this.gramCandidates(qw, Math.max(1, bigrams(qw).length - 2 * budget))) {
      if (isTypoOf(qw, this.words[id]!, budget)) markNames(hits, this.wordNames[id]!, MatchTier.Fuzzy);
    }
    // Swapped neighbours ("drfit") cost two of the edits above; look those up directly.
    for (let i = 0; i + 1 < qw.length; i++) {
      if (qw[i] === qw[i + 1]) continue;
      const swapped = qw.slice(0, i) + qw[i + 1] + qw[i] + qw.slice(i + 2);
      for (
        let j = lowerBound(this.words, swapped);
        j < this.words.length && this.words[j]!.startsWith(swapped);
        j++
      ) {
        markNames(hits, this.wordNames[j]!, MatchTier.Fuzzy);
      }
    }
    return hits;
  }

  /** Like fuzzyHits, but only among the given names (what the other query words already matched). */
  private fuzzyHitsWithin(qw: string, names: Map<number, MatchTier>): Map<number, MatchTier> {
    const hits = new Map<number, MatchTier>();
    const budget = typoBudget(qw.length);
    if (budget === 0) return hits;
    for (const nameId of names.keys()) {
      if (this.names[nameId]!.words.some((w) => isTypoOf(qw, w, budget))) hits.set(nameId, MatchTier.Fuzzy);
    }
    return hits;
  }

  /** Words sharing at least `min` distinct bigrams with qw, the `keep` best-overlapping first. */
  private gramCandidates(qw: string, min: number, keep = Number.POSITIVE_INFINITY): number[] {
    const counts = this.gramCounts;
    const touched: number[] = [];
    for (const g of bigrams(qw)) {
      for (const id of this.gramWords.get(g) ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id]!++;
      }
    }
    let out = touched.filter((id) => counts[id]! >= min);
    if (out.length > keep) out = out.sort((a, b) => counts[b]! - counts[a]!).slice(0, keep);
    for (const id of touched) counts[id] = 0;
    return out;
  }

  /** Words most like qw by bigram overlap, refined by edit distance; similarity in (0, 1]. */
  private similarWords(qw: string, limit: number): { word: number; similarity: number }[] {
    const grams = bigrams(qw).length;
    if (grams === 0) return [];
    return this.gramCandidates(qw, Math.max(1, Math.ceil(grams / 3)), 4 * limit)
      .map((id) => {
        const word = this.words[id]!;
        const longest = Math.max(word.length, qw.length);
        const d = editDistance(qw, word, Math.ceil(longest / 2));
        return { word: id, similarity: 1 - d / longest };
      })
      .filter((c) => c.similarity >= 0.5)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  }

  /** One hit per entry (its best name), sorted by tier, then by how little of the name is left over. */
  private collect(matches: Map<number, MatchTier>): GlossaryHit<E>[] {
    const best = new Map<number, { tier: MatchTier; name: Name }>();
    for (const [nameId, tier] of matches) {
      const name = this.names[nameId]!;
      const prev = best.get(name.entry);
      if (!prev || tier < prev.tier || (tier === prev.tier && name.words.length < prev.name.words.length)) {
        best.set(name.entry, { tier, name });
      }
    }
    let top: MatchTier = MatchTier.Fuzzy;
    for (const b of best.values()) top = Math.min(top, b.tier);
    return [...best.entries()]
      .filter(([, b]) => b.tier === top)
      .sort(
        ([, a], [, b]) =>
          a.name.words.length - b.name.words.length ||
          this.entries[a.name.entry]!.term.localeCompare(this.entries[b.name.entry]!.term),
      )
      .map(([i, b]) => ({ entry: this.entries[i]!, tier: b.tier, matched: b.name.display }));
  }
}

/** True when word (or its start, for longer words: "hiperparametr" → "hiperparametros") is within budget of qw. */
function isTypoOf(qw: string, word: string, budget: number): boolean {
  if (word.length < qw.length - budget) return false;
  const target = word.length > qw.length + budget ? word.slice(0, qw.length) : word;
  return editDistance(qw, target, budget) <= budget;
}

function markNames(hits: Map<number, MatchTier>, nameIds: readonly number[], tier: MatchTier) {
  for (const nameId of nameIds) {
    const prev = hits.get(nameId);
    if (prev === undefined || tier < prev) hits.set(nameId, tier);
  }
}

/** Names in both, with the worse of the two tiers; `undefined` stands for "no constraint yet". */
function intersect(a: Map<number, MatchTier> | undefined, b: Map<number, MatchTier>): Map<number, MatchTier> {
  if (!a) return b;
  const out = new Map<number, MatchTier>();
  for (const [nameId, tier] of b) {
    const prev = a.get(nameId);
    if (prev !== undefined) out.set(nameId, Math.max(prev, tier));
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lowerBound(sorted: string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
