import { describe, expect, it } from "vitest";
import { isLargeDraw, LARGE_POOL, releaseMemory } from "./release-memory.js";

describe("releaseMemory", () => {
  it("collects what a step has dropped, without --expose-gc", () => {
    let dropped: string[] | null = Array.from({ length: 300_000 }, (_, i) => `91510000MA${String(i).padStart(8, "0")}`);
    const held = process.memoryUsage().heapUsed;
    expect(dropped.length).toBe(300_000);
    dropped = null;
    releaseMemory(true);
    expect(process.memoryUsage().heapUsed).toBeLessThan(held - 8 * 1024 * 1024);
  });

  it("is for large draws only", () => {
    expect(isLargeDraw({ counts: null })).toBe(false);
    expect(isLargeDraw({ counts: { candidates: LARGE_POOL - 1 } })).toBe(false);
    expect(isLargeDraw({ counts: { candidates: LARGE_POOL } })).toBe(true);
  });
});
