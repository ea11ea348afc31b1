// Prometheus metrics (prom-client) for /metrics: commands by name and outcome, handler latency, answers recorded,
// scheduler runs by outcome, platform API errors. One registry per app, so tests and processes never share counters.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type CommandOutcome = 'ok' | 'user_error' | 'error';

export class Metrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'turma_commands_total',
    help: 'Commands and button clicks handled, by platform, command and outcome (ok, user_error, error)',
    labelNames: ['platform', 'command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly handlerSeconds = new Histogram({
    name: 'turma_handler_duration_seconds',
    help: 'Time from a command or click reaching the bot to its reply being ready',
    labelNames: ['platform', 'kind'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly answers = new Counter({
    name: 'turma_answers_recorded_total',
    help: 'Quiz answers recorded (first answers only), by kind: practice, daily, live',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly schedulerRuns = new Counter({
    name: 'turma_scheduler_runs_total',
    help: 'Scheduled posts by kind and outcome (done, skipped, failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly schedulerLastTick = new Gauge({
    name: 'turma_scheduler_last_tick_timestamp_seconds',
    help: 'When the scheduler last looked for due posts (Unix time)',
    registers: [this.registry],
  });

  readonly platformErrors = new Counter({
    name: 'turma_platform_api_errors_total',
    help: 'Failed calls to a platform API, by platform and operation',
    labelNames: ['platform', 'operation'] as const,
    registers: [this.registry],
  });

  readonly gatewayShards = new Gauge({
    name: 'turma_gateway_shards',
    help: 'Gateway shards this process runs (state=total) and how many are ready (state=ready), by platform',
    labelNames: ['platform', 'state'] as const,
    registers: [this.registry],
  });

  /** `process`: also the standard Node.js process metrics (memory, CPU, event loop), for the real process only. */
  constructor(options: { process?: boolean } = {}) {
    if (options.process) collectDefaultMetrics({ register: this.registry, prefix: 'turma_' });
  }
}
