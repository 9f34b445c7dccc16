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
