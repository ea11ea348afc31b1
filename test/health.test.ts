import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/clock.ts';
import { databaseProbe } from '../src/db/health-probe.ts';
import { checkHealth } from '../src/health.ts';
import { makeTestApp } from './helpers.ts';

const platform = (status: string) => ({ platform: 'discord', status: () => status });

describe('/healthz', () => {
  it('is ok with the database committing writes, every platform connected and a recent scheduler tick', async () => {
    const app = makeTestApp();
    try {
      const clock = new ManualClock(new Date('2026-11-23T12:00:00Z'));
      const sources = {
        database: databaseProbe(app.database.sqlite, app.dbFile),
        platforms: [platform('ok')],
        scheduler: { lastTickAt: new Date('2026-11-23T11:59:00Z') },
        clock,
      };
      expect(checkHealth(sources)).toEqual({
        status: 'ok',
        checks: { database: 'ok', discord: 'ok', scheduler: 'ok' },
      });
      // The probe really commits: its row carries the instant of the check.
      expect(app.database.sqlite.prepare('select checked_at from health_probe').pluck().get()).toBe(
        clock.now().getTime(),
      );
      expect(
        checkHealth({ ...sources, platforms: [platform('failing: connect ECONNREFUSED 127.0.0.1:9')] }),
      ).toMatchObject({
        status: 'failing',
        checks: { discord: 'failing: connect ECONNREFUSED 127.0.0.1:9' },
      });
      clock.set(new Date('2026-11-23T12:05:00Z'));
      expect(checkHealth(sources).checks.scheduler).toBe('failing: no tick for over 180 s');
      app.database.close();
      expect(checkHealth(sources).checks.database).toMatch(/^failing: cannot write/);
    } finally {
      await app.dispose().catch(() => undefined);
    }
  });
});
