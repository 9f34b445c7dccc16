import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import type { DepartmentCalls } from "@ssj/shared";

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;

/** How Apollo's data source writes a request body: the query text first (a JSON string). */
const QUERY_FIRST = /^\{"query":"(?:\\[nrt]|\s)*(query\b|\{|mutation\b|subscription\b)/;

/**
 * A subgraph request is a read when its document is a query: only reads may be sent a second time.
 * Decided from the start of the body when the query comes first (as Apollo writes it), without parsing
 * the whole body — an entity fetch carries every representation (a thousand subjects: a large body).
 */
export function isRead(body: unknown): boolean {
  if (typeof body !== "string") return false;
  const head = QUERY_FIRST.exec(body.slice(0, 256));
  if (head) return head[1] === "query" || head[1] === "{";
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === "string" && /^\s*(query\b|\{)/.test(query);
  } catch {
    return false;
  }
}

/**
 * The fetcher of the gateway's department data sources: every call gets the deadline, the per-instance
 * circuit breaker and the one retry of a read on a reset connection (see `DepartmentCalls`). A failure
 * is thrown, and the sharded source answers DEPARTMENT_UNAVAILABLE for that department only.
 */
export function departmentFetcher(calls: DepartmentCalls): Fetcher {
  return (async (url, init) =>
    calls.fetch(
      url,
      { method: init?.method, headers: init?.headers, body: init?.body },
      {
        idempotent: isRead(init?.body),
        signal: init?.signal as AbortSignal | undefined,
      },
    )) satisfies Fetcher;
}
