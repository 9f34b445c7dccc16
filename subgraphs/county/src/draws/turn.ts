import { setImmediate } from "node:timers/promises";

/**
 * Lets the event loop run before the next step of a long draw operation. Why: freeze, execute and publish of a
 * county draw take seconds of the county's CPU, and on SQLite each `await` of theirs settles without I/O (the
 * driver is synchronous), so the county answered nothing else meanwhile — health checks, the dashboards' queries,
 * its event streams waited up to 6.6 s at 600,000 candidates (docs/performance.md, "Tenth pass"). A request that
 * needs the database still waits for the step's transaction on SQLite (one connection); the others are answered
 * between two steps.
 */
export const turn = (): Promise<void> => setImmediate();

/**
 * The items of `source`, the event loop running once `everyMs` have passed since it last ran (after the item that
 * crossed the mark). Why: the departments' pool streams arrive faster than the county folds them, and an async
 * iterator over a stream with data already buffered hands on chunk after chunk as promise callbacks, without the
 * event loop in between: the gathering held the county for 0.3–1 s at a time. A turn after every chunk would cost a
 * few thousand turns per draw for nothing; one per `everyMs` keeps the waits that short.
 */
export async function* inTurns<T>(source: AsyncIterable<T>, everyMs = 50): AsyncGenerator<T> {
  let last = performance.now();
  for await (const item of source) {
    yield item;
    if (performance.now() - last >= everyMs) {
      await turn();
      last = performance.now();
    }
  }
}
