// /healthz and /metrics: does the database still commit writes, is every platform connected (and if not, why), is
// the scheduler ticking. Any failing check answers 503 with every check named.
import type { RequestListener } from 'node:http';
import type { Clock } from './core/time.ts';
import type { Metrics } from './metrics.ts';

/** The scheduler ticks every minute; three minutes without a tick means it is stuck. */
const TICK_STALE_SECONDS = 180;

export interface HealthSources {
  /** 'ok' or 'failing: why' (a committed probe write: see src/db/health-probe.ts). */
  database: (now: Date) => string;
  /** Each platform's 'ok' or 'failing: why'. */
  platforms: readonly { platform: string; status(): string }[];
  scheduler: { readonly lastTickAt: Date | undefined };
  clock: Clock;
}

export type HealthReport = { status: 'ok' | 'failing'; checks: Record<string, string> };

export function checkHealth(sources: HealthSources): HealthReport {
  const checks: Record<string, string> = {};
  checks.database = sources.database(sources.clock.now());
  for (const platform of sources.platforms) checks[platform.platform] = platform.status();
  const lastTick = sources.scheduler.lastTickAt;
  checks.scheduler =
    lastTick && sources.clock.now().getTime() - lastTick.getTime() <= TICK_STALE_SECONDS * 1000
      ? 'ok'
      : `failing: no tick for over ${TICK_STALE_SECONDS} s`;
  const status = Object.values(checks).every((c) => c === 'ok') ? 'ok' : 'failing';
  return { status, checks };
}

export const healthRoute =
  (sources: HealthSources): RequestListener =>
  (_req, res) => {
    const report = checkHealth(sources);
    res
      .writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
      .end(`${JSON.stringify(report)}\n`);
  };

export const metricsRoute =
  (metrics: Metrics): RequestListener =>
  (_req, res) => {
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  };
