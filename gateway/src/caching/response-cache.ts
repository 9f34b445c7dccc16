/**
 * Whole answers of read-only operations, kept for a short time and shared by identical requests
 * (docs/performance.md, "County dashboard"). Fifty clerks refreshing the same dashboard cost the
 * federation one execution per `ttlMs` instead of fifty: seven processes, eleven subgraph calls and
 * their JSON both ways are skipped for every other request.
 *
 * Two rules keep it honest:
 * - a key always contains the caller's whole identity (as forwarded to the subgraphs), so an answer is
 *   only ever served to a caller the subgraphs would have given the same answer;
 * - `invalidate()` (a write seen by this gateway, a change event of the county) drops every entry, and a
 *   load that was running when it came is not stored — it may have read the state before the write.
 * Concurrent misses of one key wait for the first one's load ("single flight") instead of all running;
 * once an answer has expired, the next request refreshes it while the others still get it (`graceMs`).
 */
export class ResponseCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private readonly loads = new Map<string, Load<T>>();
  private generation = 0;
  /** Answers served from the cache, and executions (misses), since start. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(
    /** How long an answer is served; 0 turns the cache off. */
    readonly ttlMs: number,
    /** Entries kept at most; the oldest goes first (a Map keeps insertion order). */
    private readonly maxEntries = 1000,
    /**
     * An expired answer is still served while one request refreshes it, for at most this long: the
     * others do not all queue behind that refresh (the p99 of a dashboard is then one execution, not
     * one execution under the load of every client at once). Writes still drop it at once.
     */
    private readonly graceMs = 5000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /**
   * A stored answer; or a promise of the answer another request is loading (undefined if that load
   * fails or is invalidated); or a ticket: the caller loads it and hands the result to `settle`.
   */
  lookup(key: string): { hit: T } | { wait: Promise<T | undefined> } | { load: Ticket<T> } {
    const now = Date.now();
    const entry = this.entries.get(key);
    const running = this.loads.get(key);
    if (entry && (entry.until > now || (running && entry.until + this.graceMs > now))) {
      this.stats.hits++;
      return { hit: entry.value };
    }
    if (entry && entry.until + this.graceMs <= now) this.entries.delete(key);
    if (running) {
      this.stats.hits++;
      return { wait: running.promise };
    }
    this.stats.misses++;
    let resolve!: (value: T | undefined) => void;
    const promise = new Promise<T | undefined>((r) => (resolve = r));
    const load = { promise, resolve, generation: this.generation };
    this.loads.set(key, load);
    return { load: { key, load } };
  }

  /** The answer of a load (undefined: not cacheable, e.g. it had errors); waiting requests get it. */
  settle(ticket: Ticket<T>, value: T | undefined): void {
    const { key, load } = ticket;
    if (this.loads.get(key) === load) this.loads.delete(key);
    if (value !== undefined && load.generation === this.generation) {
      this.entries.delete(key); // re-inserted last: the Map's order stays the order of age
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    }
    // requests that joined before an invalidation may have the concurrent answer; later ones never see it
    load.resolve(value);
  }

  /** Something changed: nothing stored so far is served again, nothing loading now is stored. */
  invalidate(): void {
    this.generation++;
    this.stats.invalidations++;
    this.entries.clear();
    this.loads.clear();
  }
}

/** The right (and duty) to load one key: pass it back to `settle`, with or without an answer. */
export interface Ticket<T> {
  readonly key: string;
  readonly load: Load<T>;
}

interface Load<T> {
  promise: Promise<T | undefined>;
  resolve: (value: T | undefined) => void;
  generation: number;
}
