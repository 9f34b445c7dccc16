import { BoundedQueue, type QueueCloseReason } from "../async/bounded-queue.js";
import { DEFAULT_QUEUE_SIZE, SlowConsumerError, type EventStream } from "./event-bus.js";

/**
 * A subscriber's bounded queue on the event bus, readable as an `EventStream`: when the reader is
 * `queueSize` events behind, it gets `SlowConsumerError` on its next read, and the owner's `onClose`
 * runs so the bus forgets the subscriber.
 */
export class SubscriberQueue<T> extends BoundedQueue<T> implements EventStream<T> {
  readonly ready: Promise<void>;

  constructor(
    readonly topic: string,
    onClose: (queue: SubscriberQueue<T>, reason: QueueCloseReason) => void,
    ready: Promise<void> = Promise.resolve(),
    queueSize = DEFAULT_QUEUE_SIZE,
  ) {
    super({ size: queueSize, overflowError: () => new SlowConsumerError(topic, queueSize), onClose: (reason) => onClose(this, reason) });
    this.ready = ready;
    ready.catch((e) => this.fail(e instanceof Error ? e : new Error(String(e))));
  }
}
