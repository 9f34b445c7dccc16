import { describe, expect, it } from "vitest";
import { inTurns } from "./turn.js";

/** A source whose items are all ready: without a turn, they follow each other as promise callbacks. */
async function* ready() {
  yield* [1, 2, 3];
}

describe("inTurns", () => {
  it("hands on every item, in order, and lets the event loop run after each once the time is up", async () => {
    let ran = 0;
    const seen: [number, number][] = [];
    for await (const item of inTurns(ready(), 0)) {
      seen.push([item, ran]);
      setImmediate(() => ran++);
    }
    expect(seen).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
  });

  it("lets items that come quickly through without a turn until the time is up", async () => {
    let ran = 0;
    const seen: number[] = [];
    for await (const _ of inTurns(ready(), 60_000)) {
      seen.push(ran);
      setImmediate(() => ran++);
    }
    expect(seen).toEqual([0, 0, 0]);
  });
});
