import { describe, expect, it } from "vitest";
import { runDraw } from "./draw.js";
import { verifyRecord } from "./record.js";
import { checkAssignment } from "./check-assignment.js";
import { candidatePoolDigest, expertPoolDigest, inspectorPoolDigest } from "./canonical.js";
import { deriveSeed } from "./seed.js";
import { EmptyPoolError, InfeasibleAssignmentError, InvalidRatioError, MissingRatioError } from "./errors.js";
import { syntheticCounty } from "./bench/synthetic.js";
import type { DrawInput, DrawRecord, Pools } from "./types.js";

const county = syntheticCounty({ subjects: 3000, inspectors: 200, experts: 20, prngSeed: 7 });
const pools: Pools = { candidates: county.candidates, inspectors: county.inspectors, experts: county.experts };
const input: DrawInput = {
  pools,
  rules: {
    ratios: { FLAGGED: 0.5, D: 0.3, C: 0.1, B: 0.02, A: 0.01 },
    cap: 120,
    minInspectors: 2,
    workloadCap: 6,
    expertWorkloadCap: 10,
    region: { eligibleRegions: ["5120"] },
    matters: county.matters,
  },
  ceremonyValues: ["福彩3D 2026327期 581", "骰子 6-2-4-1"],
};

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("runDraw", () => {
  const record = runDraw(input);

  it("produces a complete, consistent record", () => {
    expect(record.format).toBe("ssj-draw-record/1");
    expect(record.algorithm.sampler).toContain("consistent-sampler 1.0.10");
    expect(record.pools.candidates).toEqual({ format: "ssj-candidate-pool/1", count: 3000, digest: candidatePoolDigest(pools.candidates) });
    expect(record.pools.inspectors.digest).toBe(inspectorPoolDigest(pools.inspectors));
    expect(record.pools.experts.digest).toBe(expertPoolDigest(pools.experts));
    expect(record.seed.value).toBe(deriveSeed(record.seed.inputs));
    expect(record.seed.inputs.ceremonyValues).toEqual(input.ceremonyValues);
    const total = record.strata.reduce((a, s) => a + s.drawn, 0);
    expect(total).toBe(120); // the ratios ask for more; the cap binds
    expect(record.strata.reduce((a, s) => a + s.ratioTarget, 0)).toBeGreaterThan(120);
    expect(record.selected).toHaveLength(120);
    for (const s of record.strata) {
      expect(s.drawn).toBe(s.target);
      expect(s.poolSize).toBe(pools.candidates.filter((c) => c.stratum === s.stratum).length);
      if (s.poolSize > 0) expect(s.target).toBeGreaterThan(0);
    }
    expect(record.assignment.map((a) => a.subjectId)).toEqual(record.selected.map((s) => s.id));
    const visits = record.selected.map((s) => pools.candidates.find((c) => c.subjectId === s.id)!);
    expect(
      checkAssignment(record.assignment, { visits, inspectors: pools.inspectors, experts: pools.experts, rules: record.rules }),
    ).toEqual([]);
  });

  it("is deterministic: same inputs, any input order, JSON round trip → identical record", () => {
    const again = runDraw(clone(input));
    expect(JSON.stringify(again)).toBe(JSON.stringify(record));
    const shuffled: DrawInput = {
      ...input,
      pools: {
        candidates: [...pools.candidates].reverse(),
        inspectors: [...pools.inspectors].reverse(),
        experts: [...pools.experts].reverse(),
      },
    };
    expect(JSON.stringify(runDraw(shuffled))).toBe(JSON.stringify(record));
    expect(clone(record)).toEqual(record);
    // and the ceremony value changes everything
    const other = runDraw({ ...input, ceremonyValues: ["福彩3D 2026327期 582", "骰子 6-2-4-1"] });
    expect(other.seed.value).not.toBe(record.seed.value);
    expect(other.selected.map((s) => s.id)).not.toEqual(record.selected.map((s) => s.id));
  });

  it("refuses bad input", () => {
    expect(() => runDraw({ ...input, pools: { ...pools, candidates: [] } })).toThrow(EmptyPoolError);
    expect(() => runDraw({ ...input, pools: { ...pools, inspectors: [] } })).toThrow(EmptyPoolError);
    expect(() => runDraw({ ...input, rules: { ...input.rules, ratios: { ...input.rules.ratios, D: 1.2 } } })).toThrow(InvalidRatioError);
    expect(() => runDraw({ ...input, rules: { ...input.rules, ratios: { A: 0.1 } } })).toThrow(MissingRatioError);
    try {
      runDraw({ ...input, pools: { ...pools, inspectors: pools.inspectors.slice(0, 3) } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InfeasibleAssignmentError);
      const err = e as InfeasibleAssignmentError;
      expect(err.code).toBe("INFEASIBLE_ASSIGNMENT");
      expect(err.items.length).toBeGreaterThan(0);
      // (a different inspector pool gives a different seed, hence a different selection)
      expect(pools.candidates.map((c) => c.subjectId)).toContain(err.items[0]!.subjectId);
    }
  });
});

describe("verifyRecord", () => {
  const record = runDraw(input);
  const published = clone(record);

  it("accepts the real record (after a JSON round trip)", () => {
    expect(verifyRecord(published, pools)).toEqual({ ok: true });
    expect(verifyRecord(published, clone(pools), { rules: input.rules })).toEqual({ ok: true });
  });

  const tamper = (f: (r: DrawRecord) => void): DrawRecord => {
    const r = clone(record);
    f(r);
    return r;
  };

  it("rejects a changed id", () => {
    const other = pools.candidates.find((c) => !record.selected.some((s) => s.id === c.subjectId))!.subjectId;
    const res = verifyRecord(
      tamper((r) => (r.selected[3]!.id = other)),
      pools,
    );
    expect(res).toEqual({ ok: false, firstDifference: expect.stringContaining("record.selected[3].id") });
  });

  it("rejects a changed ticket", () => {
    const res = verifyRecord(
      tamper((r) => {
        const t = r.selected[0]!.ticket;
        r.selected[0]!.ticket = t.slice(0, -1) + (t.endsWith("1") ? "2" : "1");
      }),
      pools,
    );
    expect(res).toEqual({ ok: false, firstDifference: expect.stringContaining("record.selected[0].ticket") });
  });

  it("rejects a swapped inspector", () => {
    const res = verifyRecord(
      tamper((r) => {
        const a = r.assignment[5]!;
        const [dept, ids] = Object.entries(a.inspectors)[0]!;
        const replacement = pools.inspectors.find((p) => p.department === dept && !ids.includes(p.id))!.id;
        a.inspectors[dept] = [replacement, ...ids.slice(1)];
      }),
      pools,
    );
    expect(res).toEqual({ ok: false, firstDifference: expect.stringContaining("record.assignment[5].inspectors") });
    // swapping two visits' teams is caught as well
    const swapped = verifyRecord(
      tamper((r) => {
        const x = r.assignment[0]!.inspectors;
        r.assignment[0]!.inspectors = r.assignment[1]!.inspectors;
        r.assignment[1]!.inspectors = x;
      }),
      pools,
    );
    expect(swapped.ok).toBe(false);
  });

  it("rejects changed counts, seed, ceremony values, rules or pools", () => {
    expect(
      verifyRecord(
        tamper((r) => (r.strata[1]!.target += 1)),
        pools,
      ).ok,
    ).toBe(false);
    expect(
      verifyRecord(
        tamper((r) => (r.seed.value = "0".repeat(64))),
        pools,
      ),
    ).toEqual({ ok: false, firstDifference: expect.stringContaining("record.seed.value") });
    expect(
      verifyRecord(
        tamper((r) => (r.seed.inputs.ceremonyValues = ["1"])),
        pools,
      ),
    ).toEqual({ ok: false, firstDifference: expect.stringContaining("record.seed.value") });
    expect(
      verifyRecord(
        tamper((r) => r.selected.pop()),
        pools,
      ),
    ).toEqual({ ok: false, firstDifference: expect.stringContaining("record.selected[119]") });
    const otherPools = { ...pools, candidates: pools.candidates.slice(1) };
    expect(verifyRecord(published, otherPools)).toEqual({
      ok: false,
      firstDifference: expect.stringContaining("record.pools.candidates.count"),
    });
    expect(verifyRecord(published, pools, { rules: { ...input.rules, cap: 150 } }).ok).toBe(false);
    expect(
      verifyRecord(
        tamper((r) => ((r as unknown as Record<string, unknown>)["extra"] = 1)),
        pools,
      ),
    ).toEqual({ ok: false, firstDifference: "record.extra: not expected, record has 1" });
    expect(verifyRecord(null, pools).ok).toBe(false);
  });
});
