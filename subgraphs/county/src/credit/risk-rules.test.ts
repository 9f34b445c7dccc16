import { describe, expect, it } from "vitest";
import { currentRiskRule, proposeRiskChange, shiftClass } from "./risk-rules.js";

describe("the risk-class proposal rule", () => {
  const rule = currentRiskRule();
  const clean = ["NO_PROBLEM"];

  it("proposes up on falsified disclosure or a problem awaiting follow-up", () => {
    expect(proposeRiskChange(rule, [["NO_PROBLEM", "DISCLOSURE_FALSIFIED"]])?.direction).toBe("UP");
    expect(proposeRiskChange(rule, [clean, ["PENDING_FOLLOW_UP"]])?.direction).toBe("UP");
    expect(proposeRiskChange(rule, [["CORRECTED_ON_ORDER"]])).toBeNull();
  });

  it("proposes down at every second clean result of a run, never for one clean result", () => {
    expect(proposeRiskChange(rule, [clean])).toBeNull();
    expect(proposeRiskChange(rule, [clean, clean])?.direction).toBe("DOWN");
    expect(proposeRiskChange(rule, [clean, clean, clean])).toBeNull();
    expect(proposeRiskChange(rule, [clean, clean, clean, clean])?.direction).toBe("DOWN");
    expect(proposeRiskChange(rule, [clean, ["CORRECTED_ON_ORDER"], clean])).toBeNull();
    expect(proposeRiskChange(rule, [["CORRECTED_ON_ORDER"], clean, clean])?.direction).toBe("DOWN");
  });

  it("shifts one class and stops at the ends", () => {
    expect(shiftClass("B", "UP")).toBe("C");
    expect(shiftClass("B", "DOWN")).toBe("A");
    expect(shiftClass("D", "UP")).toBeNull();
    expect(shiftClass("A", "DOWN")).toBeNull();
  });
});
