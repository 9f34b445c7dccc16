import { describe, expect, it } from "vitest";
import { mergeShardResults, mergeValues } from "./merge.js";

describe("merging department answers", () => {
  it("concatenates lists, merges objects, keeps the first non-null scalar", () => {
    expect(mergeValues({ uscc: "X", records: [1] }, { uscc: "X", records: [2, 3] })).toEqual({ uscc: "X", records: [1, 2, 3] });
    expect(mergeValues(null, { a: 1 })).toEqual({ a: 1 });
    expect(mergeValues("a", "b")).toBe("a");
  });

  it("puts entities back at their original index and rewrites error paths", () => {
    const merged = mergeShardResults(
      [
        { shard: "market", data: { _entities: [{ n: 1 }, { r: ["m"] }] }, entityIndexes: [1, 2] },
        {
          shard: "health",
          data: { _entities: [{ n: 0 }, { r: ["h"] }] },
          entityIndexes: [0, 2],
          errors: [{ message: "x", path: ["_entities", 1, "r"] }],
        },
      ],
      3,
    );
    expect(merged.data).toEqual({ _entities: [{ n: 0 }, { n: 1 }, { r: ["m", "h"] }] });
    expect(merged.errors).toEqual([{ message: "x", path: ["_entities", 2, "r"], extensions: { department: "health" } }]);
  });
});
