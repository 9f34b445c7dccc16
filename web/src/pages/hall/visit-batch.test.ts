import { describe, expect, it } from "vitest";
import { mergeByRank } from "./visit-batch";
import type { HallVisit } from "./VisitRows";

const v = (rank: number, name = `主体${rank}`): HallVisit => ({ id: `v${rank}`, rank, uscc: `U${rank}`, name, teams: [] });

describe("merging a frame's batch of visits into the hall's rows", () => {
  it("appends visits arriving in rank order", () => {
    expect(mergeByRank([v(1), v(2)], [v(3), v(4)]).map((x) => x.rank)).toEqual([1, 2, 3, 4]);
  });
  it("puts visits arriving out of order in rank order", () => {
    expect(mergeByRank([v(2), v(5)], [v(4), v(1), v(3)]).map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
  });
  it("replaces a visit already shown instead of showing it twice", () => {
    const out = mergeByRank([v(1), v(2)], [v(2, "新名称"), v(3)]);
    expect(out.map((x) => x.name)).toEqual(["主体1", "新名称", "主体3"]);
  });
  it("keeps the same rows when the batch is empty", () => {
    const rows = [v(1)];
    expect(mergeByRank(rows, [])).toBe(rows);
  });
});
