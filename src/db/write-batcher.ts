// Group commit: writes that arrive together (a burst of button clicks) share one SQLite transaction, each in its own
// savepoint so one failing write never undoes another. A caller's promise settles only after the commit, so an
// acknowledged answer is durable. One commit per burst instead of one per click is what lets the answer path keep
// up with a classroom clicking at once.
import type Database from 'better-sqlite3';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly sqlite: Database.Database,
    /** Most writes per transaction, so one huge burst cannot hold the write lock for long. */
    private readonly maxBatch = 256,
  ) {}

  /** Runs `write` (synchronous database work) in the next batch; resolves with its result once committed. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    this.scheduled = this.queue.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.sqlite
        .transaction(() => {
          for (const item of batch) {
            try {
              // A nested better-sqlite3 transaction is a savepoint: a failing write rolls back alone.
              outcomes.push({ ok: true, value: this.sqlite.transaction(item.write)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
