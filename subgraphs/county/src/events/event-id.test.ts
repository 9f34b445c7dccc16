import { describe, expect, it } from "vitest";
import { eventId } from "./event-id.js";

describe("eventId", () => {
  it("gives distinct UUIDv7s that sort by time, across many refills of its random pool", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => eventId(1_800_000_000_000 + Math.floor(i / 7)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.slice(0, 13).replace("-", "")).toBe((1_800_000_000_000).toString(16).padStart(12, "0"));
  });
});
