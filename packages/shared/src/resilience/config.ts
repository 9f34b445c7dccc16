/**
 * How long a service waits for a department instance, and when it stops trying one that keeps failing.
 * Environment: DEPARTMENT_TIMEOUT_MS (default 5000), DEPARTMENT_STREAM_IDLE_MS (default 30000),
 * DEPARTMENT_BREAKER_FAILURES (consecutive failures
 * that open the breaker, default 3), DEPARTMENT_BREAKER_PROBE_MS (how long an open breaker refuses at
 * once before one probe is let through, default 10000). See docs/deployment.md.
 */
export interface DepartmentCallConfig {
  timeoutMs: number;
  /** A stream's longest silence once it has started (a busy department may pause between chunks). */
  streamIdleMs: number;
  breakAfter: number;
  probeAfterMs: number;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

export function departmentCallConfig(env: Record<string, string | undefined> = process.env): DepartmentCallConfig {
  return {
    timeoutMs: positive(env.DEPARTMENT_TIMEOUT_MS, 5000, "DEPARTMENT_TIMEOUT_MS"),
    streamIdleMs: positive(env.DEPARTMENT_STREAM_IDLE_MS, 30_000, "DEPARTMENT_STREAM_IDLE_MS"),
    breakAfter: positive(env.DEPARTMENT_BREAKER_FAILURES, 3, "DEPARTMENT_BREAKER_FAILURES"),
    probeAfterMs: positive(env.DEPARTMENT_BREAKER_PROBE_MS, 10_000, "DEPARTMENT_BREAKER_PROBE_MS"),
  };
}

/**
 * Idle keep-alive connections: servers keep them open longer than any client of ours reuses one
 * (undici closes its own after 4 s; Node's agent after 5 s), so a client never sends a request on a
 * socket the server has just closed. headersTimeout must exceed keepAliveTimeout (Node's rule).
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;
export const SERVER_HEADERS_TIMEOUT_MS = 66_000;

/** Applies the keep-alive rule above to an HTTP server. */
export function applyKeepAlive(server: { keepAliveTimeout: number; headersTimeout: number }): void {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  server.headersTimeout = SERVER_HEADERS_TIMEOUT_MS;
}
