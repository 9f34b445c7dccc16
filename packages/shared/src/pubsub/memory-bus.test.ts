import { describe, expect, it } from "vitest";
import { SlowConsumerError } from "./event-bus.js";
import { InProcessEventBus } from "./memory-bus.js";
import { filterStream } from "./operators.js";

describe("InProcessEventBus", () => {
  it("delivers each publication to every subscriber of the topic, in order, as JSON", async () => {
    const bus = new InProcessEventBus();
    const a = bus.subscribe<{ n: number; at: string }>("t");
    const b = bus.subscribe<{ n: number; at: string }>("t");
    const other = bus.subscribe("u");
    await Promise.all([a.ready, b.ready]);
    const at = new Date("2026-01-01T00:00:00Z");
    await bus.publish("t", { n: 1, at });
    await bus.publish("t", { n: 2, at });
    expect((await a.next()).value).toEqual({ n: 1, at: "2026-01-01T00:00:00.000Z" });
    expect((await a.next()).value).toMatchObject({ n: 2 });
    expect((await b.next()).value).toMatchObject({ n: 1 });
    expect(bus.stats()).toEqual({ subscribers: 3, dropped: 0, published: 2 });
    other.close();
    expect(await other.next()).toEqual({ value: undefined, done: true });
    await bus.close();
  });

  it("drops a subscriber that falls behind without delaying the others", async () => {
    const bus = new InProcessEventBus();
    const slow = bus.subscribe("t", { queueSize: 3 });
    const fast = bus.subscribe<number>("t", { queueSize: 3 });
    const seen: number[] = [];
    const reading = (async () => {
      for await (const n of fast) {
        seen.push(n);
        if (n === 9) break;
      }
    })();
    for (let n = 0; n < 10; n++) {
      await bus.publish("t", n);
      await new Promise((r) => setImmediate(r));
    }
    await reading;
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expect(slow.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(bus.stats()).toMatchObject({ subscribers: 0, dropped: 1 });
  });

  it("ends a pending read when the subscriber closes, and forgets it", async () => {
    const bus = new InProcessEventBus();
    const s = bus.subscribe("t");
    const pending = s.next();
    await s.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(bus.stats().subscribers).toBe(0);
  });

  it("filters a stream", async () => {
    const bus = new InProcessEventBus();
    const evens = filterStream(bus.subscribe<number>("t"), (n) => n % 2 === 0);
    for (const n of [1, 2, 3, 4]) await bus.publish("t", n);
    expect((await evens.next()).value).toBe(2);
    expect((await evens.next()).value).toBe(4);
    await evens.return();
    expect(bus.stats().subscribers).toBe(0);
  });
});
