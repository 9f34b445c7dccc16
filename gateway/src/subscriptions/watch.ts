import type { UpstreamConnections } from "./upstream.js";

/** Wait before resubscribing a watch that ended or failed. */
const RETRY_MS = 2000;

/**
 * The gateway's own subscriptions to subgraphs (e.g. the registry's changes, to refresh its shard map):
 * each is kept open — resubscribed after errors or completion — until `dispose`.
 */
export class Watches {
  private disposed = false;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly upstream: UpstreamConnections,
    private readonly subgraphUrl: (name: string) => string,
  ) {}

  watch(subgraph: string, query: string, headers: () => Promise<Record<string, string>>, onEvent: () => void): void {
    const again = () => {
      if (!this.disposed) setTimeout(open, RETRY_MS).unref();
    };
    const open = () => {
      if (this.disposed) return;
      headers()
        .then((h) => {
          if (this.disposed) return;
          this.stops.push(
            this.upstream.subscribe(
              this.subgraphUrl(subgraph),
              { query, variables: {}, extensions: { headers: h } },
              { next: onEvent, error: again, complete: again },
              true,
            ),
          );
        })
        .catch(again);
    };
    open();
  }

  dispose(): void {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
  }
}
