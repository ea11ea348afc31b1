import { describe, expect, it } from 'vitest';
import { matchQuestions, parseReason, suggestQuestionIds } from '../../src/core/report-input.ts';

const bank = [
  { id: 'l1-mlops-definicao', prompt: 'Qual frase resume melhor o que é MLOps?' },
  { id: 'l1-mlops-cultura', prompt: 'Um gestor contrata uma plataforma de MLOps…' },
  { id: 'l2-feature-store', prompt: 'Para que serve uma feature store?' },
];

describe('report reasons', () => {
  it('reads the reasons in Portuguese and English, with or without accents and in any case', () => {
    expect(parseReason('errada')).toBe('wrong-key');
    expect(parseReason('Wrong-Key')).toBe('wrong-key');
    expect(parseReason('resposta errada')).toBe('wrong-key');
    expect(parseReason('AMBÍGUA')).toBe('ambiguous');
    expect(parseReason('ambigua')).toBe('ambiguous');
    expect(parseReason('texto')).toBe('typo');
    expect(parseReason('erro de texto')).toBe('typo');
    expect(parseReason('outro')).toBe('other');
    for (const bad of ['', '   ', 'chato', 'errad', '<@everyone>'])
      expect(parseReason(bad), bad).toBeUndefined();
  });
});

describe('question look-up', () => {
  it('ranks the id itself, then ids starting with what was typed, then prompts with every word', () => {
    expect(matchQuestions(bank, 'l1-mlops-cultura').map((q) => q.id)[0]).toBe('l1-mlops-cultura');
    expect(matchQuestions(bank, 'l1-').map((q) => q.id)).toEqual(['l1-mlops-definicao', 'l1-mlops-cultura']);
    expect(matchQuestions(bank, 'feature').map((q) => q.id)).toEqual(['l2-feature-store']);
    expect(matchQuestions(bank, 'serve feature').map((q) => q.id)).toEqual(['l2-feature-store']);
    expect(matchQuestions(bank, 'nada disso')).toEqual([]);
    expect(matchQuestions(bank, '', 2)).toHaveLength(2);
  });

  it('suggests ids a typo or two away', () => {
    expect(suggestQuestionIds(bank, 'l2-featrue-store')).toEqual(['l2-feature-store']);
    expect(suggestQuestionIds(bank, 'zzzzzzzz')).toEqual([]);
  });
});
