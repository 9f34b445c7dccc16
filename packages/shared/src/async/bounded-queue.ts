/** Why a bounded queue stopped taking items. */
export type QueueCloseReason = "closed" | "ended" | "overflow";

export interface BoundedQueueOptions<T> {
  /** Items kept for a reader that has not taken them yet; one more and the queue overflows. */
  size: number;
  /** The error the reader gets (once, instead of the dropped items) when the queue overflowed. */
  overflowError: () => Error;
  /** Runs once when the queue stops taking items: closed by the reader or owner, ended, or overflowed. */
  onClose?: (reason: QueueCloseReason) => void;
  /**
   * Runs for each item thrown away unread (overflow, close) — e.g. to silence a promise's rejection
   * that nobody will await any more.
   */
  onDiscard?: (item: T) => void;
}

/**
 * The platform's one bounded async queue, readable as an async generator (so GraphQL servers can end it
 * with `return()` when their client goes away). `push` never blocks: a reader that falls `size` items
 * behind is dropped — the queue is emptied, the reader gets `overflowError()` on its next read — so one
 * slow reader never makes a writer buffer without limit nor wait. Used by the event bus for each
 * subscriber and by the gateway for each subscription's completed events.
 *
 * `end()` stops taking items but lets the reader drain what is queued; `close()` throws the rest away.
 */
export class BoundedQueue<T> implements AsyncGenerator<T, void, unknown> {
  private readonly items: T[] = [];
  private head = 0;
  private waiting: { resolve: (r: IteratorResult<T, void>) => void; reject: (e: unknown) => void } | undefined;
  private failure: Error | undefined;
  private closed = false;

  constructor(private readonly options: BoundedQueueOptions<T>) {}

  /** True once the queue takes no more items (closed, ended or overflowed). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Unread items. */
  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    if (this.closed) {
      this.options.onDiscard?.(item);
      return;
    }
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve({ value: item, done: false });
      return;
    }
    if (this.length >= this.options.size) {
      this.options.onDiscard?.(item);
      this.fail(this.options.overflowError(), "overflow");
      return;
    }
    this.items.push(item);
  }

  /** Ends the stream with an error: queued items are dropped, the reader gets `error` once, then done. */
  fail(error: Error, reason: QueueCloseReason = "closed"): void {
    if (this.closed) return;
    this.discardAll();
    this.failure = error;
    this.finish(reason);
  }

  /** No more items: the reader takes what is queued, then the stream is done. */
  end(): void {
    if (this.closed) return;
    this.finish("ended");
  }

  /** Ends the stream at once: queued items are dropped, a pending read resolves done. */
  close(): void {
    if (this.closed) return;
    this.discardAll();
    this.finish("closed");
  }

  private discardAll() {
    const dropped = this.items.slice(this.head);
    this.items.length = 0;
    this.head = 0;
    if (this.options.onDiscard) for (const item of dropped) this.options.onDiscard(item);
  }

  private finish(reason: QueueCloseReason) {
    this.closed = true;
    this.options.onClose?.(reason);
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
    if (this.waiting) return Promise.reject(new Error("BoundedQueue: next() called again before the previous call settled"));
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
