import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/clock.ts';
import { checkHealth } from '../src/health.ts';
import type { PlatformAdapter } from '../src/platforms/adapter.ts';
import { makeTestApp } from './helpers.ts';

const platform = (connected: boolean) =>
  ({ platform: 'discord', isConnected: () => connected }) as PlatformAdapter;

describe('/healthz', () => {
  it('is ok with the database answering, every platform connected and a recent scheduler tick', async () => {
    const app = makeTestApp();
    try {
      const clock = new ManualClock(new Date('2026-11-23T12:00:00Z'));
      const sources = {
        sqlite: app.database.sqlite,
        platforms: [platform(true)],
        scheduler: { lastTickAt: new Date('2026-11-23T11:59:00Z') },
        clock,
      };
      expect(checkHealth(sources)).toEqual({
        status: 'ok',
        checks: { database: 'ok', discord: 'ok', scheduler: 'ok' },
      });
      expect(checkHealth({ ...sources, platforms: [platform(false)] })).toMatchObject({
        status: 'failing',
        checks: { discord: 'failing: not connected' },
      });
      clock.set(new Date('2026-11-23T12:05:00Z'));
      expect(checkHealth(sources).checks.scheduler).toBe('failing: no tick for over 180 s');
      app.database.close();
      expect(checkHealth(sources).checks.database).toMatch(/^failing: /);
    } finally {
      await app.dispose().catch(() => undefined);
    }
  });
});
