// Group commit: writes that arrive together (a burst of button clicks) share one SQLite transaction, each in its own
// savepoint so one failing write never undoes another. A caller's promise settles only after the commit, so an
// acknowledged answer is durable. One commit per burst instead of one per click is what lets the answer path keep
// up with a classroom clicking at once.
import type Database from 'better-sqlite3';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackTo: Database.Statement;
  private readonly writeBatch: Database.Transaction<(batch: Pending[]) => Outcome[]>;

  constructor(
    private readonly sqlite: Database.Database,
    /** Most writes per transaction, so one huge burst cannot hold the write lock for long. */
    private readonly maxBatch = 256,
  ) {
    // Prepared once: a savepoint per write costs three tiny statements, not a new transaction wrapper per write.
    this.savepoint = sqlite.prepare('SAVEPOINT write');
    this.release = sqlite.prepare('RELEASE write');
    this.rollbackTo = sqlite.prepare('ROLLBACK TO write');
    this.writeBatch = sqlite.transaction((batch: Pending[]) => batch.map((item) => this.one(item)));
  }

  /** One write in its own savepoint: if it throws, only its own changes are rolled back. */
  private one(item: Pending): Outcome {
    this.savepoint.run();
    try {
      const value = item.write();
      this.release.run();
      return { ok: true, value };
    } catch (error) {
      // Some errors (a full disk, an I/O error) have already rolled the whole transaction back: fail the batch.
      if (!this.sqlite.inTransaction) throw error;
      this.rollbackTo.run();
      this.release.run();
      return { ok: false, error };
    }
  }

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
    let outcomes: Outcome[];
    try {
      outcomes = this.writeBatch.immediate(batch);
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
