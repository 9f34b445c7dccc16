import type { EventBus, EventBusStats, EventStream, SubscribeOptions } from "./event-bus.js";
import { SubscriberQueue } from "./queue.js";

/**
 * The default bus: subscribers in this process only. Payloads go through JSON once per publication, so
 * subscribers see exactly what they would see over Redis (dates as strings, no shared mutable state).
 */
export class InProcessEventBus implements EventBus {
  readonly kind = "memory";
  private readonly topics = new Map<string, Set<SubscriberQueue<unknown>>>();
  private dropped = 0;
  private published = 0;
  private closed = false;

  async publish(topic: string, payload: unknown): Promise<void> {
    if (this.closed) throw new Error("event bus closed");
    this.published++;
    const subscribers = this.topics.get(topic);
    if (!subscribers?.size) return;
    const event = JSON.parse(JSON.stringify(payload)) as unknown;
    for (const q of [...subscribers]) q.push(event);
  }

  subscribe<T = unknown>(topic: string, options: SubscribeOptions = {}): EventStream<T> {
    if (this.closed) throw new Error("event bus closed");
    const queue = new SubscriberQueue<unknown>(
      topic,
      (q, reason) => {
        if (reason === "overflow") this.dropped++;
        const set = this.topics.get(topic);
        set?.delete(q);
        if (set && !set.size) this.topics.delete(topic);
      },
      Promise.resolve(),
      options.queueSize,
    );
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    set.add(queue);
    return queue as unknown as EventStream<T>;
  }

  stats(): EventBusStats {
    let subscribers = 0;
    for (const set of this.topics.values()) subscribers += set.size;
    return { subscribers, dropped: this.dropped, published: this.published };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const set of [...this.topics.values()]) for (const q of [...set]) q.close();
    this.topics.clear();
  }
}
