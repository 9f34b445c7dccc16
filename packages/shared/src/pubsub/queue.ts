import { DEFAULT_QUEUE_SIZE, SlowConsumerError, type EventStream } from "./event-bus.js";

/**
 * A subscriber's bounded queue, readable as an `EventStream`. `push` never blocks: when the reader is
 * `queueSize` events behind, the queue is emptied, the reader gets `SlowConsumerError` on its next
 * read, and the owner's `onClose` runs so the bus forgets the subscriber.
 */
export class SubscriberQueue<T> implements EventStream<T> {
  private readonly items: T[] = [];
  private head = 0;
  private waiting: { resolve: (r: IteratorResult<T, void>) => void; reject: (e: unknown) => void } | undefined;
  private failure: Error | undefined;
  private closed = false;
  readonly ready: Promise<void>;

  constructor(
    readonly topic: string,
    private readonly onClose: (queue: SubscriberQueue<T>, reason: "closed" | "overflow") => void,
    ready: Promise<void> = Promise.resolve(),
    private readonly queueSize = DEFAULT_QUEUE_SIZE,
  ) {
    this.ready = ready;
    ready.catch((e) => this.fail(e instanceof Error ? e : new Error(String(e))));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Unread events. */
  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve({ value: item, done: false });
      return;
    }
    if (this.length >= this.queueSize) {
      this.fail(new SlowConsumerError(this.topic, this.queueSize), "overflow");
      return;
    }
    this.items.push(item);
  }

  /** Ends the stream with an error (delivered to the reader once, then the stream is done). */
  fail(error: Error, reason: "closed" | "overflow" = "closed"): void {
    if (this.closed) return;
    this.items.length = 0;
    this.head = 0;
    this.failure = error;
    this.finish(reason);
  }

  close(): void {
    if (this.closed) return;
    this.items.length = 0;
    this.head = 0;
    this.finish("closed");
  }

  private finish(reason: "closed" | "overflow") {
    this.closed = true;
    this.onClose(this, reason);
    const w = this.waiting;
    this.waiting = undefined;
    if (w) {
      if (this.failure) {
        const e = this.failure;
        this.failure = undefined;
        w.reject(e);
      } else w.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T, void>> {
    if (this.length > 0) {
      const value = this.items[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) {
      const e = this.failure;
      this.failure = undefined;
      return Promise.reject(e);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    if (this.waiting) return Promise.reject(new Error("EventStream: next() called again before the previous call settled"));
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T, void>> {
    this.close();
    this.failure = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T, void>> {
    this.close();
    this.failure = undefined;
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
