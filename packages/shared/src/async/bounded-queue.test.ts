import { describe, expect, it } from "vitest";
import { BoundedQueue, type QueueCloseReason } from "./bounded-queue.js";

function queue(size: number) {
  const closed: QueueCloseReason[] = [];
  const discarded: number[] = [];
  const q = new BoundedQueue<number>({
    size,
    overflowError: () => new Error("too slow"),
    onClose: (r) => closed.push(r),
    onDiscard: (n) => discarded.push(n),
  });
  return { q, closed, discarded };
}

describe("BoundedQueue", () => {
  it("end() lets the reader drain what is queued, then done", async () => {
    const { q, closed } = queue(5);
    q.push(1);
    q.push(2);
    q.end();
    q.push(3);
    expect(closed).toEqual(["ended"]);
    expect(await q.next()).toEqual({ value: 1, done: false });
    expect(await q.next()).toEqual({ value: 2, done: false });
    expect(await q.next()).toEqual({ value: undefined, done: true });
  });

  it("overflow drops the queued items (each discarded) and fails the next read once", async () => {
    const { q, closed, discarded } = queue(2);
    for (const n of [1, 2, 3]) q.push(n);
    expect(closed).toEqual(["overflow"]);
    expect(discarded.sort()).toEqual([1, 2, 3]);
    await expect(q.next()).rejects.toThrow("too slow");
    expect(await q.next()).toEqual({ value: undefined, done: true });
  });

  it("return() ends a pending read and closes once", async () => {
    const { q, closed } = queue(2);
    const pending = q.next();
    await q.return();
    await q.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(closed).toEqual(["closed"]);
  });
});
