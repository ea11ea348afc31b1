import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/core/text.ts';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('📊 Estatísticas', 150)).toBe('📊 Estatísticas');
  });

  it('cuts to the limit in JavaScript length, emoji included, with an ellipsis', () => {
    const cut = truncate(`📊 Estatísticas de ${'x'.repeat(200)}`, 150);
    expect(cut.length).toBe(150);
    expect(cut.endsWith('x…')).toBe(true);
  });

  it('never splits an emoji in two', () => {
    const cut = truncate('a😀😀😀', 4);
    expect(cut).toBe('a😀…');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
