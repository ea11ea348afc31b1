import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { findLessons } from '../../src/core/lesson-lookup.ts';
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
