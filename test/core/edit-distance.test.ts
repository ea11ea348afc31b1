import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/core/edit-distance.ts';

describe('editDistance', () => {
  it.each([
    ['drift', 'drift', 0],
    ['drfit', 'drift', 1],
    ['featur', 'feature', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('stops early once the bound is exceeded', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
