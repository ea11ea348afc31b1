import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../src/core/format-time.ts';

describe('formatRelative', () => {
  it('says "em 1 hora" for an hour away, even when now is a few milliseconds late', () => {
    const start = new Date('2026-11-17T22:00:00Z');
    const late = new Date(start.getTime() - 3_600_000 + 7);
    expect(formatRelative(start, late, 'pt-BR')).toBe('em 1 hora');
    expect(formatRelative(start, new Date(start.getTime() - 50 * 60_000), 'pt-BR')).toBe('em 50 minutos');
    expect(formatRelative(start, new Date(start.getTime() - 86_400_000), 'en')).toBe('tomorrow');
  });
});
