import { createSubscriptionClient, webSocketUrl, type SubscriptionClient } from "@ssj/shared";

/** A real graphql-ws client (over `ws`) holding one subscription, recording what it receives. */
export class TestSubscriber {
  readonly results: { data?: any; errors?: any[] }[] = [];
  error: unknown;
  completed = false;
  private readonly client: SubscriptionClient;
  private unsubscribe: (() => void) | undefined;

  constructor(httpUrl: string, connectionParams?: Record<string, unknown>) {
    this.client = createSubscriptionClient({ url: webSocketUrl(httpUrl), connectionParams, retryAttempts: 0, lazy: true });
  }

  subscribe(query: string, variables: Record<string, unknown> = {}): this {
    this.unsubscribe = this.client.subscribe(
      { query, variables },
      {
        next: (r) => void this.results.push(r as never),
        error: (e) => void (this.error = e),
        complete: () => void (this.completed = true),
      },
    );
    return this;
  }

  /** Waits until `n` results arrived (or the subscription ended), then returns them. */
  async received(n: number, timeoutMs = 10_000): Promise<{ data?: any; errors?: any[] }[]> {
    await waitFor(() => this.results.length >= n || this.error !== undefined || this.completed, timeoutMs, `${n} results`);
    if (this.results.length < n)
      throw new Error(`subscription ended after ${this.results.length} results: ${JSON.stringify(this.error ?? "completed")}`);
    return this.results.slice(0, n);
  }

  /** Completes the subscription and closes the socket. */
  async close(): Promise<void> {
    this.unsubscribe?.();
    await this.client.dispose();
  }
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
