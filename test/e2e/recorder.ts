// What a fake platform received, in order, with a way to wait for something to arrive.
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  constructor(private readonly what: string) {}

  add(item: T): void {
    this.items.push(item);
    const ready = this.waiters.filter((w) => w.match(item));
    this.waiters = this.waiters.filter((w) => !w.match(item));
    for (const w of ready) w.resolve(item);
  }

  /** Resolves with the first item (already received or still to come) that matches. */
  waitFor(match: (item: T) => boolean, timeoutMs = 5000): Promise<T> {
    const found = this.items.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`${this.what}: nothing matching within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (item: T) => {
        clearTimeout(timer);
        resolve(item);
      };
      this.waiters.push({ match, resolve: done });
    });
  }
}
