import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A full garbage collection before execute and publish read the stored texts of a large draw. Why: V8 grows its
 * heap rather than collect while one synchronous step allocates — a freeze over 300,000 candidates ended with
 * 420 MiB of heap of which 140 MiB was live, and execute and publish piled their texts on top, so the county peaked
 * at 760–790 MiB; collecting at these points kept it at 470 MiB (docs/performance.md, "The draw at county scale",
 * sixth pass). Freeze collects once, after the subjects' snapshot and the tally are dropped, and no longer after
 * each text: it builds and writes its texts a chunk at a time (pool-store.ts), so no text of tens of megabytes
 * becomes garbage at once (seventh pass). A collection of that heap takes 0.1–0.5 s (and blocks the event loop
 * meanwhile), so it is only run for large draws: small ones (and the tests) never pay it.
 */
/** A draw with this many candidates collects at freeze, and before execute and publish read its texts. */
export const LARGE_POOL = 50_000;

let collect: (() => void) | undefined;

/** V8's collector, exposed at the first use when the process was not started with --expose-gc. */
function collector(): () => void {
  collect ??= (globalThis as { gc?: () => void }).gc;
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  return collect;
}

/** Collects now when `large`. */
export function releaseMemory(large: boolean): void {
  if (large) collector()();
}

/** Whether a frozen draw is large enough to collect before a step reads its pools. */
export const isLargeDraw = (draw: { counts: Record<string, unknown> | null }) => Number(draw.counts?.candidates ?? 0) >= LARGE_POOL;
