import { describe, expect, it } from "vitest";
import { EventResultStream } from "./event-stream.js";

const later = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

describe("EventResultStream", () => {
  it("delivers completions in arrival order, skipping events the subscriber may not see", async () => {
    const s = new EventResultStream(10, () => undefined);
    s.push(later(30, { data: { n: 1 } }));
    s.push(later(1, null));
    s.push(later(1, { data: { n: 3 } }));
    s.end();
    const got = [];
    for await (const r of s) got.push(r);
    expect(got).toEqual([{ data: { n: 1 } }, { data: { n: 3 } }]);
  });

  it("drops a subscriber that leaves too much unread: one SLOW_CONSUMER error, then done, upstream released", async () => {
    const released: string[] = [];
    let dropped = 0;
    const s = new EventResultStream(
      2,
      (why) => released.push(why),
      () => dropped++,
    );
    for (let n = 0; n < 3; n++) s.push(Promise.resolve({ data: { n } }));
    expect(released).toEqual(["overflow"]);
    expect(dropped).toBe(1);
    const first = await s.next();
    expect(first.value?.errors?.[0]?.extensions?.code).toBe("SLOW_CONSUMER");
    expect(await s.next()).toEqual({ value: undefined, done: true });
  });

  it("releases upstream once when the client goes away, ending a pending read", async () => {
    const released: string[] = [];
    const s = new EventResultStream(5, (why) => released.push(why));
    const pending = s.next();
    await s.return();
    await s.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(released).toEqual(["client"]);
    s.push(Promise.resolve({ data: {} }));
    expect(await s.next()).toEqual({ value: undefined, done: true });
  });

  it("wakes a waiting reader when an event arrives", async () => {
    const s = new EventResultStream(5, () => undefined);
    const pending = s.next();
    s.push(later(5, { data: { x: 1 } }));
    expect(await pending).toEqual({ value: { data: { x: 1 } }, done: false });
  });
});
