/**
 * How long a service keeps a request waiting while it works: its `/healthz` (no database, no work) asked every
 * 50 ms, the longest answer time kept. A long answer means the service's event loop was busy with something
 * else — nothing it serves (queries, event streams, health checks) was answered meanwhile. A benchmark reads
 * `longest()` after each phase; it prints figures and asserts nothing.
 */
export interface StallWatch {
  /** The longest wait since the last call (or the start), in ms; starts the next period. */
  longest(): number;
  stop(): Promise<void>;
}

export function watchStalls(serviceUrl: string, everyMs = 50): StallWatch {
  const healthz = new URL("/healthz", serviceUrl).href;
  let max = 0;
  let periodStart = performance.now();
  let pending: number | null = null;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t = performance.now();
      pending = t;
      await fetch(healthz, { signal: AbortSignal.timeout(120_000) })
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      pending = null;
      // a request that spans two periods counts in the second only from that period's start
      max = Math.max(max, performance.now() - Math.max(t, periodStart));
      // unref'd: a benchmark that fails before stop() still exits
      await new Promise((r) => setTimeout(r, everyMs).unref());
    }
  })();
  return {
    longest() {
      // a request still unanswered counts with the time it has waited so far
      const now = performance.now();
      const out = Math.max(max, pending === null ? 0 : now - Math.max(pending, periodStart));
      max = 0;
      periodStart = now;
      return out;
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
