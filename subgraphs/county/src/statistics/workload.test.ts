import { describe, expect, it } from "vitest";
import { DepartmentKind } from "../departments/department.entity.js";
import { matterShare, shareTarget } from "./targets.js";
import { workloadOf } from "./workload.js";

describe("assessment figure helpers", () => {
  it("takes min, median and max of per-inspector counts", () => {
    expect(workloadOf([])).toEqual({ inspectors: 0, min: 0, median: 0, max: 0 });
    expect(workloadOf([5, 1, 3])).toEqual({ inspectors: 3, min: 1, median: 3, max: 5 });
    expect(workloadOf([4, 1, 2, 9])).toEqual({ inspectors: 4, min: 1, median: 3, max: 9 });
  });

  it("sets 70 % for market supervision, 50 % for the others, and no share before a declaration", () => {
    expect(shareTarget(DepartmentKind.MARKET_SUPERVISION)).toBe(0.7);
    expect(shareTarget(DepartmentKind.OTHER)).toBe(0.5);
    expect(matterShare(7, 10)).toBe(0.7);
    expect(matterShare(7, null)).toBeNull();
  });
});
