import { describe, expect, it } from "vitest";
import { flaggedRatioProblem } from "./ratios";

describe("the flagged stratum's ratio in the wizard", () => {
  it("is refused below another stratum's, naming the highest one", () => {
    expect(flaggedRatioProblem({ FLAGGED: 20, A: 1, B: 2, C: 10, D: 30 })).toMatch(/20% 低于 D 类的 30%/);
  });
  it("is accepted at or above every other stratum, or when not given", () => {
    expect(flaggedRatioProblem({ FLAGGED: 30, A: 1, B: 2, C: 10, D: 30 })).toBeNull();
    expect(flaggedRatioProblem({ A: 1, B: 2, C: 10, D: 30 })).toBeNull();
  });
});
