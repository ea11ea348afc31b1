import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { UserError } from '../../src/core/errors.ts';
import { translator } from '../../src/core/i18n.ts';
import { findLessons, requireLesson, resolveLesson, suggestLessons } from '../../src/core/lesson-lookup.ts';
import { replaceUserText } from '../../src/core/message.ts';
import { CONTENT_DIR } from '../helpers.ts';

const { lessons } = loadContent(CONTENT_DIR);
const numbers = (q: string) => findLessons(lessons, q).map((l) => l.number);

describe('findLessons', () => {
  it.each(['2', 'aula 2', 'Aula 2', 'AULA  2', '#2', 'lesson 2', 'aula #2'])(
    'finds lesson 2 from "%s"',
    (q) => {
      expect(numbers(q)).toEqual([2]);
    },
  );

  it('finds lessons by part of the title, accents and case ignored', () => {
    expect(numbers('cultura')).toEqual([3]);
    expect(numbers('VERSIONAMENTO')).toEqual([5]);
    expect(numbers('introducao')).toEqual([1]);
    expect(numbers('deploy serving')).toEqual([7]);
  });

  it('forgives a typo in a longer word', () => {
    expect(numbers('cultrua')).toEqual([3]);
    expect(numbers('monitoramneto')).toEqual([8]);
  });

  it('returns every lesson a shared word names, and nothing for unknown ones', () => {
    expect(numbers('mlops')).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(numbers('aula 42')).toEqual([]);
    expect(numbers('xyzzy')).toEqual([]);
    expect(numbers('')).toEqual([]);
  });
});

describe('resolveLesson', () => {
  const resolved = (q: string) => {
    const match = resolveLesson(lessons, q);
    if (match.kind === 'found') return match.lesson.number;
    if (match.kind === 'ambiguous') return match.candidates.map((l) => l.number);
    return 'none';
  };

  it('takes a number exactly, however it is written', () => {
    expect(['2', 'aula 2', '#2', 'Lesson 2'].map(resolved)).toEqual([2, 2, 2, 2]);
  });

  it('takes a whole title or id even when other lessons share its words', () => {
    expect(resolved('Pipelines de treinamento')).toBe(6);
    expect(resolved('deploy-e-serving')).toBe(7);
  });

  it('takes the one lesson a fragment matches best, typos forgiven', () => {
    expect(resolved('cultura')).toBe(3);
    expect(resolved('cultrua')).toBe(3);
    // A word of lesson 6's title, and only one typo from "pipeline" in lessons 2 and 4.
    expect(resolved('pipelines')).toBe(6);
  });

  it('calls a fragment several lessons match equally well ambiguous, naming every match best first', () => {
    expect(resolved('mlops')).toEqual([1, 2, 3, 4]);
    expect(resolved('pipeline')).toEqual([2, 4, 6]);
    expect(resolved('mlops dataops')).toEqual([3, 4]);
  });

  it('finds nothing for unknown numbers and words, signed numbers and blanks', () => {
    expect(['aula 42', 'xyzzy', '-1', '', '  '].map(resolved)).toEqual([
      'none',
      'none',
      'none',
      'none',
      'none',
    ]);
  });
});

describe('requireLesson', () => {
  const pt = translator('pt-BR');
  const failure = (q: string, t = pt, options = {}) => {
    try {
      requireLesson(lessons, q, t, options);
    } catch (error) {
      if (error instanceof UserError) return { code: error.code, message: plain(error.message) };
      throw error;
    }
    throw new Error(`"${q}" resolved`);
  };
  const plain = (text: string) => replaceUserText(text, (s) => s);

  it('returns the lesson meant', () => {
    expect(requireLesson(lessons, 'aula 5', pt).number).toBe(5);
  });

  it('lists the candidates of an ambiguous fragment in the user’s language', () => {
    expect(failure('mlops')).toEqual({
      code: 'lesson-ambiguous',
      message: expect.stringMatching(
        /^Mais de uma aula combina com “mlops”: 1 — Introdução ao MLOps; 2 — .*; 3 — .*; 4 — .*\. Use o número da aula, por exemplo 1\.$/,
      ),
    });
    expect(failure('pipeline', translator('en')).message).toMatch(
      /^Several lessons match “pipeline”: 2 — .*; 4 — .*; 6 — Pipelines de treinamento\./,
    );
  });

  it('says a lesson was not found, naming every lesson only when asked to', () => {
    expect(failure('aula 42')).toEqual({
      code: 'lesson-not-found',
      message: 'Não encontrei a aula “aula 42”.',
    });
    const listed = failure('xyzzy', pt, { listOnMiss: true });
    expect(listed.message).toMatch(
      /^Não encontrei a aula “xyzzy”\. Aulas: 1 — Introdução ao MLOps; .*; 9 — /,
    );
  });

  it('echoes at most 40 characters of what was typed, without invisible characters', () => {
    const { message } = failure(`zz\u200b${'x'.repeat(100)}`);
    expect(message).toBe(`Não encontrei a aula “zz${'x'.repeat(37)}…”.`);
  });
});

describe('suggestLessons', () => {
  const values = (partial: string) => suggestLessons(lessons, partial).map((c) => c.value);
  const all = lessons.map((l) => String(l.number));

  it('offers every lesson before anything but the word for lesson is typed', () => {
    expect(values('')).toEqual(all);
    expect(values('aula ')).toEqual(all);
    expect(values('lesson #')).toEqual(all);
  });

  it('offers what the query names, best first, accents and typos forgiven', () => {
    expect(suggestLessons(lessons, 'cultura')).toEqual([
      { name: '3. Cultura e práticas: DevOps, DataOps e MLOps', value: '3' },
    ]);
    expect(values('introducao')).toEqual(['1']);
    expect(values('pipelines')).toEqual(['6', '2', '4']);
    expect(values('aula 7')).toEqual(['7']);
  });

  it('falls back to the number and title containing a start too short to search', () => {
    expect(values('cu')).toEqual(['3']);
    expect(values('zz')).toEqual([]);
  });

  it('gives values the resolver takes back as the same lesson', () => {
    for (const choice of suggestLessons(lessons, '')) {
      const match = resolveLesson(lessons, choice.value);
      expect(match.kind === 'found' && String(match.lesson.number)).toBe(choice.value);
      expect(choice.name.length).toBeLessThanOrEqual(100);
    }
  });
});
