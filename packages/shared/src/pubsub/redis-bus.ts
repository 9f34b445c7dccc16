import { Redis } from "ioredis";
import type { EventBus, EventBusStats, EventStream, SubscribeOptions } from "./event-bus.js";
import { SubscriberQueue } from "./queue.js";

export interface RedisEventBusOptions {
  /** `redis://[:password@]host:port[/db]` */
  url: string;
  /** Channel prefix, so several deployments (or test runs) can share one Redis. Default "ssj:". */
  prefix?: string;
}

interface Channel {
  subscribers: Set<SubscriberQueue<unknown>>;
  ready: Promise<void>;
  isReady: boolean;
}

/**
 * Several instances of a service share events through Redis PUBLISH/SUBSCRIBE: one connection
 * publishes, one (in subscriber mode) listens to the channels that local subscribers want, one
 * SUBSCRIBE per topic however many local subscribers it has. Every instance, the publisher included,
 * gets each event from Redis once, so local and remote subscribers see the same order.
 *
 * Redis pub/sub does not keep messages: while the connection is down (ioredis reconnects and
 * resubscribes by itself) events are missed. Stored events (the county's event table) are the record.
 */
export class RedisEventBus implements EventBus {
  readonly kind = "redis";
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly channels = new Map<string, Channel>();
  private dropped = 0;
  private published = 0;
  private closed = false;
  private lastErrorLog = 0;

  constructor(opts: RedisEventBusOptions) {
    this.prefix = opts.prefix ?? "ssj:";
    this.pub = new Redis(opts.url, { lazyConnect: false, maxRetriesPerRequest: 3, enableAutoPipelining: true });
    this.sub = new Redis(opts.url, { lazyConnect: false, maxRetriesPerRequest: null, autoResubscribe: true });
    const onError = (e: Error) => {
      if (Date.now() - this.lastErrorLog < 10_000) return;
      this.lastErrorLog = Date.now();
      console.error(`[event bus] Redis ${opts.url.replace(/\/\/[^@]*@/, "//***@")}: ${e.message}`);
    };
    this.pub.on("error", onError);
    this.sub.on("error", onError);
    this.sub.on("message", (channel: string, message: string) => this.deliver(channel, message));
  }

  /** Resolves once both connections are up (useful at start-up to fail fast on a wrong URL). */
  async connected(timeoutMs = 10_000): Promise<void> {
    const wait = (r: Redis) =>
      r.status === "ready"
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`Redis not reachable within ${timeoutMs} ms`)), timeoutMs);
            r.once("ready", () => {
              clearTimeout(timer);
              resolve();
            });
          });
    await Promise.all([wait(this.pub), wait(this.sub)]);
  }

  private deliver(channel: string, message: string) {
    if (!channel.startsWith(this.prefix)) return;
    const ch = this.channels.get(channel.slice(this.prefix.length));
    if (!ch?.subscribers.size) return;
    let event: unknown;
    try {
      event = JSON.parse(message);
    } catch {
      console.error(`[event bus] ignored a message that is not JSON on ${channel}`);
      return;
    }
    for (const q of [...ch.subscribers]) q.push(event);
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    if (this.closed) throw new Error("event bus closed");
    this.published++;
    await this.pub.publish(this.prefix + topic, JSON.stringify(payload));
  }

  subscribe<T = unknown>(topic: string, options: SubscribeOptions = {}): EventStream<T> {
    if (this.closed) throw new Error("event bus closed");
    let ch = this.channels.get(topic);
    if (!ch) {
      const created: Channel = { subscribers: new Set(), isReady: false, ready: Promise.resolve() };
      created.ready = this.sub.subscribe(this.prefix + topic).then(() => {
        created.isReady = true;
      });
      created.ready.catch(() => undefined);
      this.channels.set(topic, (ch = created));
    }
    const channel = ch;
    const queue = new SubscriberQueue<unknown>(
      topic,
      (q, reason) => {
        if (reason === "overflow") this.dropped++;
        channel.subscribers.delete(q);
        if (!channel.subscribers.size && this.channels.get(topic) === channel) {
          this.channels.delete(topic);
          if (!this.closed) this.sub.unsubscribe(this.prefix + topic).catch(() => undefined);
        }
      },
      channel.ready,
      options.queueSize,
    );
    channel.subscribers.add(queue);
    return queue as unknown as EventStream<T>;
  }

  stats(): EventBusStats {
    let subscribers = 0;
    for (const ch of this.channels.values()) if (ch.isReady) subscribers += ch.subscribers.size;
    return { subscribers, dropped: this.dropped, published: this.published };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const ch of [...this.channels.values()]) for (const q of [...ch.subscribers]) q.close();
    this.channels.clear();
    const quit = async (r: Redis) => {
      try {
        await Promise.race([r.quit(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
      } catch {
        r.disconnect();
      }
    };
    await Promise.all([quit(this.pub), quit(this.sub)]);
  }
}
