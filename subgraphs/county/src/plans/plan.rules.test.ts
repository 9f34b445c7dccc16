import { describe, expect, it } from "vitest";
import { validateRatios } from "./plan.rules.js";

const base = { D: 0.05, C: 0.03, B: 0.02, A: 0.01, zeroReasons: [] };
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return "no error";
};

describe("plan ratios (docs/rules.md)", () => {
  it("defaults FLAGGED to the highest other ratio and says so", () => {
    expect(validateRatios(base, false)).toEqual({
      ratios: { FLAGGED: 0.05, D: 0.05, C: 0.03, B: 0.02, A: 0.01 },
      notes: { flaggedDefaulted: true, zeroReasons: {} },
    });
  });

  it("refuses FLAGGED below another stratum (实施细则 第十五条)", () => {
    expect(codeOf(() => validateRatios({ ...base, FLAGGED: 0.04 }, false))).toBe("FLAGGED_RATIO_TOO_LOW");
    expect(validateRatios({ ...base, FLAGGED: 0.05 }, false).notes.flaggedDefaulted).toBe(false);
  });

  it("accepts a 0 only with a written reason, and a reason only for a 0", () => {
    expect(codeOf(() => validateRatios({ ...base, A: 0 }, false))).toBe("ZERO_RATIO_NEEDS_REASON");
    expect(codeOf(() => validateRatios({ ...base, A: 0, zeroReasons: [{ stratum: "A", reason: "  " }] }, false))).toBe("REQUIRED_FIELD");
    expect(codeOf(() => validateRatios({ ...base, zeroReasons: [{ stratum: "B", reason: "无需" }] }, false))).toBe("BAD_USER_INPUT");
    const ok = validateRatios({ ...base, A: 0, zeroReasons: [{ stratum: "A", reason: "A 类本季度已全覆盖" }] }, false);
    expect(ok.notes.zeroReasons).toEqual({ A: "A 类本季度已全覆盖" });
  });

  it("applies the GENERAL-matter ceiling to D–A but never to FLAGGED", () => {
    expect(validateRatios({ ...base, FLAGGED: 0.5 }, true).ratios.FLAGGED).toBe(0.5);
    expect(codeOf(() => validateRatios({ ...base, D: 0.3 }, true))).toBe("INVALID_RATIO");
    expect(validateRatios({ ...base, D: 0.3 }, false).ratios.D).toBe(0.3);
  });
});
