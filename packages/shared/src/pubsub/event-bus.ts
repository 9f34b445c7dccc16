/**
 * The platform's pub/sub: services publish small JSON events on topics, subscribers read them as async
 * iterables. Two implementations: in-process (the default, one service instance) and Redis (several
 * instances of a service share the events). Choose with `createEventBus`.
 *
 * Delivery is at-most-once and best-effort: a subscriber sees the events published after its
 * subscription is ready (`EventStream.ready`), in publication order per publisher. Anything that must
 * not be lost is stored first (the county keeps every event in its database) and only then published.
 */
export interface EventBus {
  /** Which implementation: "memory" or "redis". */
  readonly kind: "memory" | "redis";
  /**
   * Publishes a JSON-serialisable payload to every subscriber of `topic`, on every instance sharing the
   * bus. Never waits for subscribers: a slow one is dropped, it does not slow the publisher.
   */
  publish(topic: string, payload: unknown): Promise<void>;
  /** A new subscription to `topic`; end it with `close()` (or `return()`, as `for await … break` does). */
  subscribe<T = unknown>(topic: string, options?: SubscribeOptions): EventStream<T>;
  /** Open subscriptions on this instance, and how many were dropped for falling behind. */
  stats(): EventBusStats;
  /** Ends every subscription and releases connections. */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Events kept for a subscriber that has not read them yet; one more and it is dropped. */
  queueSize?: number;
}

export interface EventBusStats {
  /** Subscriptions ready to receive (for Redis: the server confirmed the channel). */
  subscribers: number;
  /** Subscriptions dropped since start because their queue overflowed. */
  dropped: number;
  /** Events published by this instance since start. */
  published: number;
}

/**
 * One subscriber's events. It is an async generator in all but name, so GraphQL servers can end it
 * (`return()`) when their client goes away.
 */
export interface EventStream<T> extends AsyncGenerator<T, void, unknown> {
  readonly topic: string;
  /** Resolves once events published from now on will reach this stream. */
  readonly ready: Promise<void>;
  /** Ends the stream: a pending `next()` resolves `done`, the bus forgets the subscriber. */
  close(): void;
}

export const DEFAULT_QUEUE_SIZE = 1000;

/**
 * The stream of a subscriber that read too slowly ends with this error instead of delaying the
 * publisher or the other subscribers.
 */
export class SlowConsumerError extends Error {
  readonly code = "SLOW_CONSUMER";
  constructor(
    readonly topic: string,
    readonly queueSize: number,
  ) {
    super(
      `订阅者处理过慢，已积压 ${queueSize} 条未读事件，订阅已终止（主题 ${topic}）/ subscriber too slow: more than ${queueSize} unread events on topic "${topic}", subscription dropped`,
    );
    this.name = "SlowConsumerError";
  }
}
