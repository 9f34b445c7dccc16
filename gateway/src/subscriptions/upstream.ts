import { createSubscriptionClient, webSocketUrl, type SubscriptionClient } from "@ssj/shared";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";

export interface UpstreamOptions {
  /** Reconnection attempts after the owning subgraph's socket closed, before subscribers get UPSTREAM_UNAVAILABLE. */
  retryAttempts?: number;
  /** Wait before retry n (0-based), ms. Default: 250 ms doubling to 4 s, plus up to 250 ms jitter. */
  retryDelayMs?: (attempt: number) => number;
  /**
   * `connectionParams` of the gateway's own connection to a subgraph, asked on every (re)connect — e.g.
   * the gateway's signed service identity. Per-subscriber headers travel in each subscribe message's
   * `extensions.headers` (the subgraph reads them as request headers).
   */
  connectionParams?: (subgraphUrl: string) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface UpstreamSink {
  next(result: FormattedExecutionResult): void;
  /** The upstream ended with errors (GraphQL errors, or unreachable after the retries). */
  error(kind: "graphql" | "unavailable", errors: readonly GraphQLFormattedError[] | undefined, detail: string): void;
  complete(): void;
}

const defaultDelay = (attempt: number) => Math.min(250 * 2 ** attempt, 4000) + Math.random() * 250;

/**
 * The gateway's graphql-ws connections to the subgraphs that own subscriptions: one connection per
 * subgraph URL, shared by all the subscriptions forwarded there (graphql-ws multiplexes them), opened on
 * the first and closed after the last. When the connection drops (the subgraph restarts), the client
 * reconnects with backoff and subscribes again every subscription that is still open; events published
 * while it was away are missed. After `retryAttempts` failed reconnections each open subscription ends
 * with an error.
 */
export class UpstreamConnections {
  private readonly clients = new Map<string, SubscriptionClient>();
  private open = 0;
  private total = 0;

  constructor(private readonly opts: UpstreamOptions = {}) {}

  /** Subscriptions currently open upstream (forwarded and not yet released). */
  get openSubscriptions(): number {
    return this.open;
  }

  /** Subscriptions ever forwarded upstream. */
  get totalSubscriptions(): number {
    return this.total;
  }

  private client(httpUrl: string): SubscriptionClient {
    let c = this.clients.get(httpUrl);
    if (!c) {
      const delay = this.opts.retryDelayMs ?? defaultDelay;
      c = createSubscriptionClient({
        url: webSocketUrl(httpUrl),
        lazy: true,
        retryAttempts: this.opts.retryAttempts ?? 10,
        retryWait: (retries) => new Promise((r) => setTimeout(r, delay(retries))),
        shouldRetry: () => true,
        connectionParams: this.opts.connectionParams ? () => this.opts.connectionParams!(httpUrl) : undefined,
      });
      this.clients.set(httpUrl, c);
    }
    return c;
  }

  /**
   * Forwards one subscription; the returned function releases it (idempotent). `internal`: the gateway's
   * own (e.g. watching the registry), not counted among subscribers' upstream subscriptions.
   */
  subscribe(
    httpUrl: string,
    payload: { query: string; variables: Record<string, unknown>; extensions?: Record<string, unknown> },
    sink: UpstreamSink,
    internal = false,
  ): () => void {
    let finished = false;
    const finish = () => {
      if (finished) return false;
      finished = true;
      if (!internal) this.open--;
      return true;
    };
    if (!internal) {
      this.open++;
      this.total++;
    }
    const unsubscribe = this.client(httpUrl).subscribe<Record<string, unknown>>(payload, {
      next: (r) => {
        if (!finished) sink.next(r as FormattedExecutionResult);
      },
      error: (err) => {
        if (!finish()) return;
        if (Array.isArray(err))
          sink.error("graphql", err as GraphQLFormattedError[], (err as GraphQLFormattedError[]).map((e) => e.message).join("; "));
        else sink.error("unavailable", undefined, describe(err));
      },
      complete: () => {
        if (finish()) sink.complete();
      },
    });
    return () => {
      if (finish()) unsubscribe();
    };
  }

  async dispose(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    // A client still retrying an upstream that is gone rejects its dispose ("All Subscriptions Gone"):
    // there is nothing left to close, and the rejection must not escape as an unhandled one.
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose()).catch(() => undefined)));
  }
}

function describe(err: unknown): string {
  if (err && typeof err === "object" && "code" in err) {
    const e = err as { code: number; reason?: string };
    return `socket closed (${e.code}${e.reason ? ` ${e.reason}` : ""})`;
  }
  return err instanceof Error ? err.message : String(err);
}
