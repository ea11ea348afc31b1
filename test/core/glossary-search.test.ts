import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { GlossaryIndex, MatchTier } from '../../src/core/glossary-search.ts';
import { normalize } from '../../src/core/text.ts';
import { CONTENT_DIR } from '../helpers.ts';

const index = new GlossaryIndex(loadContent(CONTENT_DIR).glossary);
const ids = (q: string) => index.search(q).map((h) => h.entry.id);

describe('normalize', () => {
  it('folds case, accents, width and punctuation', () => {
    expect(normalize('  Feature-Store!! ')).toBe('feature store');
    expect(normalize('REPRODUTIBILIDADE')).toBe(normalize('reprodutibilidade'));
    expect(normalize('Hiperparâmetros')).toBe('hiperparametros');
    expect(normalize('ＭＬＯｐｓ')).toBe('mlops');
    expect(normalize('data\u200bdrift')).toBe('datadrift');
  });
});

describe('glossary search over the shipped glossary', () => {
  it('returns both drifts for the shared word "drift", in any case', () => {
    expect(ids('drift').sort()).toEqual(['concept-drift', 'data-drift']);
    expect(ids('DRIFT').sort()).toEqual(['concept-drift', 'data-drift']);
  });

  it.each([
    ['desvio de conceito', 'concept-drift'],
    ['desvio de dados', 'data-drift'],
    ['feature-store', 'feature-store'],
    ['featur stor', 'feature-store'],
    ['retreinamento', 'retraining-decision'],
    ['model registry', 'model-registry'],
    ['repositório de modelo', 'model-registry'],
    ['CI', 'continuous-integration'],
    ['iac', 'infrastructure-as-code'],
    ['xai', 'model-explainability'],
    ['hiperparametros', 'hyperparameter-tuning'],
    ['reprodutibilidad', 'reproducibility'],
    ['reprodutbilidade', 'reproducibility'],
    ['Conceptt Drfit', 'concept-drift'],
  ])('finds %s → %s', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('ranks an exact name above word and prefix matches', () => {
    const hits = index.search('data drift');
    expect(hits.map((h) => h.entry.id)).toEqual(['data-drift']);
    expect(hits[0]!.tier).toBe(MatchTier.Exact);
    expect(index.search('drift')[0]!.tier).toBe(MatchTier.Words);
    expect(index.search('featur stor')[0]!.tier).toBe(MatchTier.Prefix);
    expect(index.search('reprodutbilidade')[0]!.tier).toBe(MatchTier.Fuzzy);
  });

  it('does not forgive typos in short words', () => {
    expect(ids('CX')).toEqual([]);
  });

  it('suggests the closest terms when nothing matches', () => {
    expect(ids('reprodutividade')).toEqual([]);
    expect(index.suggest('reprodutividade').map((e) => e.id)).toContain('reproducibility');
    expect(index.suggest('modelo registrado').map((e) => e.id)).toContain('model-registry');
  });

  it('offers well-connected starting points when a query resembles nothing', () => {
    expect(ids('xyzzy')).toEqual([]);
    expect(index.suggest('xyzzy')).toEqual([]);
    expect(index.startingPoints()).toHaveLength(3);
  });

  it('ignores empty, symbol-only and emoji queries', () => {
    expect(ids('')).toEqual([]);
    expect(ids('🚀🚀')).toEqual([]);
    expect(ids('?!')).toEqual([]);
  });
});
