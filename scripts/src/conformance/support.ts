/** Shared by the conformance runners: ports, readiness, a plain GraphQL POST. */
import { connect } from "node:net";
import type { ServiceProcess } from "../lib/processes.js";

/** Fails if anything already listens on one of `ports` (the suites need those exact ports). */
export async function assertPortsFree(ports: number[], host = "127.0.0.1"): Promise<void> {
  const busy: number[] = [];
  await Promise.all(
    ports.map(
      (port) =>
        new Promise<void>((resolve) => {
          const socket = connect({ port, host });
          socket.setTimeout(1000);
          socket.once("connect", () => {
            busy.push(port);
            socket.destroy();
            resolve();
          });
          socket.once("timeout", () => {
            socket.destroy();
            resolve();
          });
          socket.once("error", () => resolve());
        }),
    ),
  );
  if (busy.length) {
    throw new Error(
      `port(s) ${busy.sort().join(", ")} already in use: stop what listens there first ` +
        `(the federation started by \`npm start\` uses 4000 for the gateway and 4001 for the county service)`,
    );
  }
}

/** POSTs a GraphQL request as JSON and returns the parsed body. */
export async function postGraphQL<T = unknown>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as { data?: T; errors?: unknown[] };
  } catch {
    throw new Error(`HTTP ${res.status} from ${url}: ${text.slice(0, 300)}`);
  }
}

/** Waits until the GraphQL endpoint answers `{ __typename }`, or fails when the process exits or time is up. */
export async function waitGraphQL(p: ServiceProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void p.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${p.name} exited during start-up`);
    const ok = await postGraphQL<{ __typename?: string }>(url, "query { __typename }")
      .then((r) => Boolean(r.data?.__typename))
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${p.name} not answering GraphQL at ${url} after ${timeoutMs} ms`);
}

/** Runs `cleanup` once on SIGINT/SIGTERM, then exits 130. Returns a function that removes the handlers. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  const handler = () => {
    console.error("\ninterrupted: stopping services…");
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
