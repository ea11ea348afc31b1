// A cache whose memory stays flat: it forgets everything once it holds its limit, then fills again with what is used.
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, made by `make` the first time (and again after the memo was emptied). */
  get<T extends V>(key: K, make: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    if (this.entries.size >= this.limit) this.entries.clear();
    const value = make();
    this.entries.set(key, value);
    return value;
  }
}
