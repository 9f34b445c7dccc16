/**
 * When `npm start` restarts a crashed service: after a delay that doubles with each crash in the recent
 * window (0.5 s, 1 s, 2 s … up to `maxDelayMs`), and not at all once a service has crashed `maxCrashes`
 * times within `windowMs` — then it keeps crashing and the federation is stopped. Pure: times are passed in.
 */
export interface RestartPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { baseDelayMs: 500, maxDelayMs: 10_000, maxCrashes: 5, windowMs: 60_000 };

export type RestartDecision = { restart: true; delayMs: number; crashes: number } | { restart: false; crashes: number };

/** `crashTimes`: earlier crashes of this service (ms); `now`: this crash. */
export function decideRestart(policy: RestartPolicy, crashTimes: number[], now: number): RestartDecision {
  const crashes = crashTimes.filter((t) => now - t < policy.windowMs).length + 1;
  if (crashes > policy.maxCrashes) return { restart: false, crashes };
  return { restart: true, delayMs: Math.min(policy.baseDelayMs * 2 ** (crashes - 1), policy.maxDelayMs), crashes };
}
