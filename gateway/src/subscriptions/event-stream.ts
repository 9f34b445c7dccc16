import { BoundedQueue } from "@ssj/shared";
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

type Completion = Promise<FormattedExecutionResult | null>;

/** The queue's overflow, turned into the SLOW_CONSUMER result the subscriber receives. */
class SlowSubscriber extends Error {}

/**
 * What one subscriber receives: results in the order their events arrived upstream, each completed
 * concurrently (a slow completion holds back later ones, never earlier ones). Bounded by the platform's
 * `BoundedQueue` of completions: when the subscriber has `queueSize` results it has not taken, it is
 * dropped — its stream ends with one SLOW_CONSUMER error — so a slow client never makes the gateway
 * buffer without limit nor delays anybody else. `null` results (the twin returned nothing: an event this
 * subscriber may not see) are skipped.
 *
 * It is an AsyncGenerator, so graphql-ws can end it when the client completes or disconnects; ending it
 * runs `release` once (which unsubscribes upstream).
 */
export class EventResultStream implements AsyncGenerator<FormattedExecutionResult, void, unknown> {
  private readonly queue: BoundedQueue<Completion>;
  private final: FormattedExecutionResult | undefined;

  constructor(
    private readonly queueSize: number,
    release: (reason: "client" | "upstream" | "overflow") => void,
    onDropped: () => void = () => undefined,
  ) {
    this.queue = new BoundedQueue<Completion>({
      size: queueSize,
      overflowError: () => new SlowSubscriber(),
      onDiscard: (p) => void p.catch(() => undefined),
      onClose: (reason) => {
        if (reason === "overflow") onDropped();
        release(reason === "closed" ? "client" : reason === "ended" ? "upstream" : "overflow");
      },
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Adds the completion of the next event. */
  push(result: Completion): void {
    this.queue.push(result);
  }

  /** No more events: deliver what is queued, then `final` (if any), then complete. */
  end(final?: FormattedExecutionResult): void {
    if (this.queue.isClosed) return;
    this.final = final;
    this.queue.end();
  }

  async next(): Promise<IteratorResult<FormattedExecutionResult, void>> {
    for (;;) {
      let head: IteratorResult<Completion, void>;
      try {
        head = await this.queue.next();
      } catch (e) {
        if (!(e instanceof SlowSubscriber)) throw e;
        return {
          value: endResult(
            SubscriptionEndCode.SLOW_CONSUMER,
            `订阅者接收过慢，积压超过 ${this.queueSize} 条事件，订阅已终止 / subscriber too slow: more than ${this.queueSize} events waiting, subscription dropped`,
          ),
          done: false,
        };
      }
      if (head.done) {
        const f = this.final;
        this.final = undefined;
        return f ? { value: f, done: false } : { value: undefined, done: true };
      }
      let r: FormattedExecutionResult | null;
      try {
        r = await head.value;
      } catch (e) {
        r = endResult("INTERNAL_SERVER_ERROR", `事件补全失败 / completing the event failed: ${String(e)}`);
      }
      if (r) return { value: r, done: false };
    }
  }

  async return(): Promise<IteratorResult<FormattedExecutionResult, void>> {
    this.final = undefined;
    await this.queue.return();
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
