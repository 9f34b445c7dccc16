import type { FormattedExecutionResult } from "graphql";

/** Why a subscriber's stream ended with an error instead of more events. */
export const SubscriptionEndCode = {
  /** The subscriber read too slowly: more than `queueSize` completed events waited for it. */
  SLOW_CONSUMER: "SLOW_CONSUMER",
  /** The owning subgraph could not be reached again after the retries. */
  UPSTREAM_UNAVAILABLE: "UPSTREAM_UNAVAILABLE",
  /** The owning subgraph ended the subscription with errors. */
  UPSTREAM_ERROR: "UPSTREAM_ERROR",
  /** The subscriber's token expired: a subscription lives no longer than the token it was opened with. */
  TOKEN_EXPIRED: "TOKEN_EXPIRED",
} as const;

export function endResult(code: string, message: string): FormattedExecutionResult {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * What one subscriber receives: results in the order their events arrived upstream, each completed
 * concurrently (a slow completion holds back later ones, never earlier ones). Bounded: when the
 * subscriber has `queueSize` results it has not taken, it is dropped — its stream ends with one
 * SLOW_CONSUMER error — so a slow client never makes the gateway buffer without limit nor delays
 * anybody else. `null` results (the twin returned nothing: an event this subscriber may not see) are
 * skipped.
 *
 * It is an AsyncGenerator, so graphql-ws can end it when the client completes or disconnects; ending it
 * runs `release` once (which unsubscribes upstream).
 */
export class EventResultStream implements AsyncGenerator<FormattedExecutionResult, void, unknown> {
  private readonly items: Promise<FormattedExecutionResult | null>[] = [];
  private waiting: ((r: IteratorResult<FormattedExecutionResult, void>) => void) | undefined;
  private final: FormattedExecutionResult | undefined;
  private ended = false;
  private released = false;
  private reading = false;

  constructor(
    private readonly queueSize: number,
    private readonly release: (reason: "client" | "upstream" | "overflow") => void,
    private readonly onDropped: () => void = () => undefined,
  ) {}

  get pending(): number {
    return this.items.length;
  }

  /** Adds the completion of the next event. */
  push(result: Promise<FormattedExecutionResult | null>): void {
    if (this.ended) {
      result.catch(() => undefined);
      return;
    }
    if (this.items.length >= this.queueSize) {
      result.catch(() => undefined);
      for (const p of this.items) p.catch(() => undefined);
      this.items.length = 0;
      this.onDropped();
      this.end(
        endResult(
          SubscriptionEndCode.SLOW_CONSUMER,
          `订阅者接收过慢，积压超过 ${this.queueSize} 条事件，订阅已终止 / subscriber too slow: more than ${this.queueSize} events waiting, subscription dropped`,
        ),
        "overflow",
      );
      return;
    }
    this.items.push(result);
    this.wake();
  }

  /** No more events: deliver what is queued, then `final` (if any), then complete. */
  end(final?: FormattedExecutionResult, reason: "upstream" | "overflow" = "upstream"): void {
    if (this.ended) return;
    this.ended = true;
    this.final = final;
    this.doRelease(reason);
    this.wake();
  }

  private doRelease(reason: "client" | "upstream" | "overflow") {
    if (this.released) return;
    this.released = true;
    this.release(reason);
  }

  private wake() {
    if (this.waiting && !this.reading) {
      const w = this.waiting;
      this.waiting = undefined;
      void this.next().then(w);
    }
  }

  async next(): Promise<IteratorResult<FormattedExecutionResult, void>> {
    for (;;) {
      const head = this.items.shift();
      if (head) {
        this.reading = true;
        let r: FormattedExecutionResult | null;
        try {
          r = await head;
        } catch (e) {
          r = endResult("INTERNAL_SERVER_ERROR", `事件补全失败 / completing the event failed: ${String(e)}`);
        } finally {
          this.reading = false;
        }
        if (r) return { value: r, done: false };
        continue;
      }
      if (this.ended) {
        const f = this.final;
        this.final = undefined;
        return f ? { value: f, done: false } : { value: undefined, done: true };
      }
      return new Promise((resolve) => (this.waiting = resolve));
    }
  }

  async return(): Promise<IteratorResult<FormattedExecutionResult, void>> {
    for (const p of this.items) p.catch(() => undefined);
    this.items.length = 0;
    this.ended = true;
    this.final = undefined;
    this.doRelease("client");
    const w = this.waiting;
    this.waiting = undefined;
    w?.({ value: undefined, done: true });
    return { value: undefined, done: true };
  }

  async throw(e: unknown): Promise<IteratorResult<FormattedExecutionResult, void>> {
    await this.return();
    throw e;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
