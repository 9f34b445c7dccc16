import { describe, expect, it, vi } from "vitest";
import { ResponseCache } from "./response-cache.js";

describe("ResponseCache", () => {
  it("serves a settled answer until its time is up, then loads again", () => {
    vi.useFakeTimers();
    try {
      const cache = new ResponseCache<string>(1000);
      const first = cache.lookup("k");
      if (!("load" in first)) throw new Error("expected a load");
      cache.settle(first.load, "answer");
      expect(cache.lookup("k")).toEqual({ hit: "answer" });
      vi.advanceTimersByTime(1001);
      expect("load" in cache.lookup("k")).toBe(true);
      expect(cache.stats).toMatchObject({ hits: 1, misses: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("serves an expired answer while one request refreshes it, and not longer than the grace", () => {
    vi.useFakeTimers();
    try {
      const cache = new ResponseCache<string>(1000, 10, 5000);
      const first = cache.lookup("k");
      if (!("load" in first)) throw new Error("expected a load");
      cache.settle(first.load, "old");
      vi.advanceTimersByTime(1500);
      const refresh = cache.lookup("k"); // the first request after expiry refreshes …
      if (!("load" in refresh)) throw new Error("expected a refresh");
      expect(cache.lookup("k")).toEqual({ hit: "old" }); // … the others are not held up by it
      cache.settle(refresh.load, "new");
      expect(cache.lookup("k")).toEqual({ hit: "new" });
      vi.advanceTimersByTime(1000 + 5000);
      const late = cache.lookup("k");
      if (!("load" in late)) throw new Error("expected a load");
      expect("wait" in cache.lookup("k")).toBe(true); // past the grace: wait for the fresh answer
      cache.invalidate();
      expect("load" in cache.lookup("k")).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets concurrent misses of one key wait for the first load", async () => {
    const cache = new ResponseCache<string>(1000);
    const first = cache.lookup("k");
    const second = cache.lookup("k");
    if (!("load" in first) || !("wait" in second)) throw new Error("expected one load and one wait");
    cache.settle(first.load, "answer");
    expect(await second.wait).toBe("answer");
    expect("load" in cache.lookup("other")).toBe(true);
  });

  it("stores nothing that failed, and tells the waiting requests to execute themselves", async () => {
    const cache = new ResponseCache<string>(1000);
    const first = cache.lookup("k");
    const second = cache.lookup("k");
    if (!("load" in first) || !("wait" in second)) throw new Error("expected one load and one wait");
    cache.settle(first.load, undefined);
    expect(await second.wait).toBeUndefined();
    expect("load" in cache.lookup("k")).toBe(true);
  });

  it("forgets everything on invalidate, and does not store a load that was running then", () => {
    const cache = new ResponseCache<string>(60_000);
    const a = cache.lookup("a");
    if (!("load" in a)) throw new Error("expected a load");
    cache.settle(a.load, "old a");
    const b = cache.lookup("b");
    if (!("load" in b)) throw new Error("expected a load");
    cache.invalidate(); // a write committed while b was loading
    cache.settle(b.load, "b read before the write");
    expect("load" in cache.lookup("a")).toBe(true);
    const again = cache.lookup("b");
    expect("load" in again).toBe(true);
    // the stale load's settle did not touch the new one
    if ("load" in again) cache.settle(again.load, "fresh b");
    expect(cache.lookup("b")).toEqual({ hit: "fresh b" });
  });

  it("keeps at most maxEntries answers, dropping the oldest", () => {
    const cache = new ResponseCache<number>(60_000, 2);
    for (const k of ["a", "b", "c"]) {
      const r = cache.lookup(k);
      if ("load" in r) cache.settle(r.load, 1);
    }
    expect("load" in cache.lookup("a")).toBe(true);
    expect(cache.lookup("c")).toEqual({ hit: 1 });
  });

  it("is off with a time of 0", () => {
    expect(new ResponseCache(0).enabled).toBe(false);
  });
});
