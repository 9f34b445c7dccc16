import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyCap, buildCandidate, ratioTarget, riskRank, STRATA, stratumOf, stratumOfRank, stratumTargets } from "./strata.js";
import { InvalidInputError, InvalidRatioError, MissingRatioError } from "./errors.js";
import type { RiskClass, Stratum } from "./types.js";

describe("stratum rule", () => {
  it("risk class, FLAGGED for any flag, highest over departments", () => {
    expect(stratumOf([{ department: "market", riskClass: "B" }])).toBe("B");
    expect(stratumOf([{ department: "market", riskClass: "A", flags: { abnormal: true } }])).toBe("FLAGGED");
    expect(stratumOf([{ department: "market", riskClass: "A", flags: { dishonest: true } }])).toBe("FLAGGED");
    expect(stratumOf([{ department: "market", riskClass: "A", flags: { seriousViolation: true } }])).toBe("FLAGGED");
    expect(stratumOf([{ department: "market", riskClass: "A", flags: { keySector: true } }])).toBe("FLAGGED");
    expect(stratumOf([{ department: "market", riskClass: "C", flags: { abnormal: false } }])).toBe("C");
    expect(
      stratumOf([
        { department: "market", riskClass: "A" },
        { department: "ecology", riskClass: "D" },
        { department: "safety", riskClass: "B" },
      ]),
    ).toBe("D");
    expect(
      stratumOf([
        { department: "market", riskClass: "D" },
        { department: "ecology", riskClass: "A", flags: { keySector: true } },
      ]),
    ).toBe("FLAGGED");
    expect(() => stratumOf([])).toThrow(InvalidInputError);
    expect(() => stratumOf([{ department: "m", riskClass: "E" as never }])).toThrow(InvalidInputError);
  });

  it("buildCandidate collects departments and matters", () => {
    expect(
      buildCandidate(
        "S1",
        [
          { department: "market", riskClass: "C" },
          { department: "ecology", riskClass: "B" },
        ],
        ["market:2", "ecology:1", "market:2"],
      ),
    ).toEqual({
      subjectId: "S1",
      stratum: "C",
      matters: ["ecology:1", "market:2"],
      departments: ["ecology", "market"],
    });
  });
});

describe("rounding rule: ceil(n × ratio), exactly", () => {
  it("uses the exact decimal, not the float product", () => {
    expect(ratioTarget(10, 0.3)).toBe(3); // 10 * 0.3 = 3.0000000000000004 in floats
    expect(ratioTarget(100, 0.07)).toBe(7); // 7.000000000000001 in floats
    expect(ratioTarget(3, 0.1)).toBe(1);
    expect(ratioTarget(1000, 0.01)).toBe(10);
    expect(ratioTarget(1001, 0.01)).toBe(11);
    expect(ratioTarget(5, 1)).toBe(5);
    expect(ratioTarget(5, 0)).toBe(0);
    expect(ratioTarget(1, 1e-7)).toBe(1);
    expect(ratioTarget(0, 0.5)).toBe(0);
  });

  it("refuses ratios outside [0, 1] and non-empty strata without a ratio", () => {
    for (const r of [-0.01, 1.01, NaN, Infinity]) expect(() => stratumTargets({ A: 3 }, { A: r }, null)).toThrow(InvalidRatioError);
    expect(() => stratumTargets({ A: 3 }, { A: "0.1" as never }, null)).toThrow(InvalidRatioError);
    expect(() => stratumTargets({ A: 3, B: 2 }, { A: 0.1 }, null)).toThrow(MissingRatioError);
    expect(() => stratumTargets({ A: 3 }, { A: 0.1, Z: 0.1 } as never, null)).toThrow(InvalidInputError);
    expect(() => stratumTargets({ A: 3 }, { A: 0.1 }, -1)).toThrow(InvalidInputError);
    expect(stratumTargets({ A: 3 }, { A: 0 }, null).find((p) => p.stratum === "A")!.target).toBe(0);
    expect(stratumTargets({ A: 3 }, { A: 0.01 }, null).find((p) => p.stratum === "A")!.target).toBe(1);
  });
});

describe("cap rule", () => {
  it("examples", () => {
    // targets in STRATA order FLAGGED, D, C, B, A
    expect(applyCap([5, 30, 10, 2, 1], null)).toEqual([5, 30, 10, 2, 1]);
    expect(applyCap([5, 30, 10, 2, 1], 100)).toEqual([5, 30, 10, 2, 1]);
    // C = 20 ≥ 5 strata: 1 each, R = 15 shared over excesses 4,29,9,1,0 (E = 43):
    // 15·e = 60,435,135,15,0 → floors 1,10,3,0,0 (14), remainders 17,5,6,15,0 → the extra one goes to FLAGGED
    expect(applyCap([5, 30, 10, 2, 1], 20)).toEqual([3, 11, 4, 1, 1]);
    expect(applyCap([5, 30, 10, 2, 1], 3)).toEqual([1, 1, 1, 0, 0]);
    expect(applyCap([0, 30, 0, 2, 0], 1)).toEqual([0, 1, 0, 0, 0]);
    expect(applyCap([0, 0, 0, 0, 7], 0)).toEqual([0, 0, 0, 0, 0]);
  });

  it("property: counts follow the rounding and cap rules", () => {
    const stratumArb = fc.record({ n: fc.nat(5000), ratio: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(stratumArb, { minLength: 5, maxLength: 5 }), fc.option(fc.nat(3000), { nil: null }), (cols, cap) => {
        const sizes: Partial<Record<Stratum, number>> = {};
        const ratios: Partial<Record<Stratum, number>> = {};
        STRATA.forEach((s, i) => {
          const c = cols[i]!;
          sizes[s] = c.ratio === undefined ? 0 : c.n; // a stratum without a ratio is empty
          if (c.ratio !== undefined) ratios[s] = c.ratio;
        });
        const plans = stratumTargets(sizes, ratios, cap);
        for (const p of plans) {
          // rounding rule: exact ceiling, bounded by the stratum
          if (p.ratio !== null) {
            const exact = p.poolSize * p.ratio;
            expect(p.ratioTarget).toBeGreaterThanOrEqual(Math.floor(exact - 1e-6));
            expect(p.ratioTarget).toBeLessThanOrEqual(Math.ceil(exact + 1e-6));
            expect(p.ratioTarget).toBeLessThanOrEqual(p.poolSize);
            if (p.poolSize > 0 && p.ratio > 0) expect(p.ratioTarget).toBeGreaterThanOrEqual(1);
            if (p.ratio === 0) expect(p.ratioTarget).toBe(0);
          }
          expect(p.target).toBeLessThanOrEqual(p.ratioTarget);
        }
        const total = plans.reduce((a, p) => a + p.target, 0);
        const wanted = plans.reduce((a, p) => a + p.ratioTarget, 0);
        expect(total).toBe(cap === null ? wanted : Math.min(cap, wanted));
        if (cap !== null && wanted > cap) {
          const positive = plans.filter((p) => p.ratioTarget > 0);
          if (cap >= positive.length) {
            // at least 1 each, the rest proportional to the excess within one unit
            const r = cap - positive.length;
            const e = wanted - positive.length;
            for (const p of positive) {
              const share = (r * (p.ratioTarget - 1)) / e;
              expect(p.target).toBeGreaterThanOrEqual(1);
              expect(p.target - 1).toBeGreaterThanOrEqual(Math.floor(share + 1e-9));
              expect(p.target - 1).toBeLessThanOrEqual(Math.floor(share + 1e-9) + 1);
            }
          } else {
            // highest strata first, one each
            const got = positive.map((p) => p.target);
            expect(got).toEqual(positive.map((_, i) => (i < cap ? 1 : 0)));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("riskRank", () => {
  it("is the rank of stratumOf of the one risk, and refuses what stratumOf refuses", () => {
    const classes = ["A", "B", "C", "D"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...classes),
        fc.option(fc.record({ abnormal: fc.boolean(), dishonest: fc.boolean(), seriousViolation: fc.boolean(), keySector: fc.boolean() }), {
          nil: undefined,
        }),
        (riskClass, flags) => {
          const risk = { department: "market", riskClass, flags };
          expect(stratumOfRank(riskRank(risk))).toBe(stratumOf([risk]));
        },
      ),
    );
    for (const bad of ["E", "a", "", "FLAGGED"]) {
      const risk = { department: "market", riskClass: bad as RiskClass };
      expect(() => riskRank(risk)).toThrow(InvalidInputError);
      expect(() => riskRank(risk)).toThrow(/信用风险分类/);
      expect(() => stratumOf([risk])).toThrow(/信用风险分类/);
    }
  });
});
