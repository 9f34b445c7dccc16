// Size: over 300 lines: examples, infeasible cases and property tests of one function share the fixtures and generators above them.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assignInspectors, type VisitSpec } from "./assign.js";
import { checkAssignment } from "./check-assignment.js";
import { InfeasibleAssignmentError } from "./errors.js";
import { normalizeRules, regionAllows, visitDepartments } from "./rules.js";
import type { ExpertEntry, InspectorEntry, PersonStatus, PlanRules, PlanRulesInput, VisitAssignment } from "./types.js";

const SEED = "f".repeat(64);

function person(id: string, department: string, categories: string[] = [], extra: Partial<InspectorEntry> = {}): InspectorEntry {
  return { id, department, categories, region: "512002", status: "ACTIVE", conflicts: [], lastVisitedSubject: null, level: null, ...extra };
}

const baseRules: PlanRulesInput = {
  ratios: { A: 1 },
  minInspectors: 2,
  region: { eligibleRegions: ["5120"] },
  matters: {
    "market:1": { categories: ["食品"] },
    "market:2": { categories: [], expertCategories: ["lab"] },
    "ecology:1": { categories: ["排污"] },
  },
};

function run(visits: VisitSpec[], inspectors: InspectorEntry[], experts: ExpertEntry[] = [], extra: Partial<PlanRulesInput> = {}) {
  const rules = normalizeRules({ ...baseRules, ...extra });
  const assignment = assignInspectors(visits, inspectors, experts, rules, SEED);
  return { rules, assignment, violations: checkAssignment(assignment, { visits, inspectors, experts, rules }) };
}

function infeasible(f: () => unknown): InfeasibleAssignmentError {
  try {
    f();
  } catch (e) {
    if (e instanceof InfeasibleAssignmentError) return e;
    throw e;
  }
  throw new Error("expected InfeasibleAssignmentError");
}

const v = (subjectId: string, matters: string[], departments: string[] = []): VisitSpec => ({ subjectId, matters, departments });

describe("assignment: examples", () => {
  it("joint visit: one inspector of each department, categories covered, expert added", () => {
    const inspectors = [
      person("market:1", "market", ["食品"]),
      person("market:2", "market"),
      person("ecology:1", "ecology", ["排污"]),
      person("ecology:2", "ecology"),
    ];
    const experts = [person("expert:1", "expert", ["lab"])];
    const { assignment, violations } = run([v("S1", ["market:1", "market:2", "ecology:1"])], inspectors, experts);
    expect(violations).toEqual([]);
    expect(assignment).toEqual([{ subjectId: "S1", inspectors: { ecology: ["ecology:1"], market: ["market:1"] }, experts: ["expert:1"] }]);
  });

  it("fills up to the minimum; experts never count", () => {
    const inspectors = [person("market:1", "market", ["食品"]), person("market:2", "market"), person("market:3", "market")];
    const { assignment, violations } = run([v("S1", ["market:1"])], inspectors, [], { minInspectors: 3 });
    expect(violations).toEqual([]);
    expect(assignment[0]!.inspectors["market"]).toHaveLength(3);
  });

  it("load is even: 10 visits × 2 over 5 inspectors = 4 each", () => {
    const inspectors = Array.from({ length: 5 }, (_, i) => person(`market:${i}`, "market", ["食品"]));
    const visits = Array.from({ length: 10 }, (_, i) => v(`S${i}`, ["market:1"]));
    const { assignment, violations } = run(visits, inspectors);
    expect(violations).toEqual([]);
    const loads = new Map<string, number>();
    for (const a of assignment) for (const id of a.inspectors["market"]!) loads.set(id, (loads.get(id) ?? 0) + 1);
    expect([...loads.values()]).toEqual([4, 4, 4, 4, 4]);
  });

  it("never a conflict, never the subject of the last visit, never outside the region, never inactive", () => {
    const inspectors = [
      person("market:1", "market", ["食品"], { conflicts: ["S1"] }),
      person("market:2", "market", ["食品"], { lastVisitedSubject: "S1" }),
      person("market:3", "market", ["食品"], { region: "510100" }),
      person("market:4", "market", ["食品"], { status: "SUSPENDED" }),
      person("market:5", "market", ["食品"]),
      person("market:6", "market"),
    ];
    const { assignment, violations } = run([v("S1", ["market:1"])], inspectors);
    expect(violations).toEqual([]);
    expect(assignment[0]!.inspectors).toEqual({ market: ["market:5", "market:6"] });
  });

  it("borrowing list admits a department from any region", () => {
    const inspectors = [
      person("market:1", "market", ["食品"], { region: "510100" }),
      person("market:2", "market", [], { region: "510100" }),
    ];
    const { violations } = run([v("S1", ["market:1"])], inspectors, [], {
      region: { eligibleRegions: ["5120"], borrowFromDepartments: ["market"] },
    });
    expect(violations).toEqual([]);
  });

  it("a matter-less visit is staffed by the supervising departments", () => {
    const inspectors = [person("health:1", "health"), person("health:2", "health"), person("market:1", "market")];
    const { assignment, violations } = run([v("S1", [], ["health"])], inspectors);
    expect(violations).toEqual([]);
    expect(assignment[0]!.inspectors).toEqual({ health: ["health:1", "health:2"] });
  });

  it("is deterministic and depends on the seed", () => {
    const inspectors = Array.from({ length: 40 }, (_, i) => person(`market:${i}`, "market", ["食品"]));
    const visits = Array.from({ length: 5 }, (_, i) => v(`S${i}`, ["market:1"]));
    const rules = normalizeRules(baseRules);
    const a = assignInspectors(visits, inspectors, [], rules, SEED);
    expect(assignInspectors(visits, inspectors, [], rules, SEED)).toEqual(a);
    expect(assignInspectors(visits, [...inspectors].reverse(), [], rules, SEED)).toEqual(a);
    expect(assignInspectors(visits, inspectors, [], rules, "0".repeat(64))).not.toEqual(a);
  });
});

describe("assignment: infeasible inputs name the subject and the rule", () => {
  const cases: [string, () => unknown, string, string, string | null][] = [
    [
      "declared conflicts",
      () => run([v("S1", ["market:1"])], [person("m1", "market", ["食品"], { conflicts: ["S1"] }), person("m2", "market")]),
      "S1",
      "CATEGORY_COVERAGE",
      "CONFLICT",
    ],
    [
      "nobody holds the category",
      () => run([v("S1", ["market:1"])], [person("m1", "market"), person("m2", "market")]),
      "S1",
      "CATEGORY_COVERAGE",
      null,
    ],
    [
      "no inspector of a joint department",
      () => run([v("S1", ["market:2", "ecology:2"])], [person("m1", "market"), person("m2", "market")], [person("x", "expert", ["lab"])]),
      "S1",
      "DEPARTMENT_PRESENCE",
      null,
    ],
    ["only one inspector", () => run([v("S1", ["market:1"])], [person("m1", "market", ["食品"])]), "S1", "MIN_INSPECTORS", null],
    [
      "region",
      () => run([v("S1", ["market:1"])], [person("m1", "market", ["食品"], { region: "110101" }), person("m2", "market")]),
      "S1",
      "CATEGORY_COVERAGE",
      "REGION",
    ],
    [
      "inactive",
      () => run([v("S1", ["market:1"])], [person("m1", "market", ["食品"], { status: "TRANSFERRED" }), person("m2", "market")]),
      "S1",
      "CATEGORY_COVERAGE",
      "NOT_ACTIVE",
    ],
    [
      "last visit",
      () => run([v("S1", ["market:1"])], [person("m1", "market", ["食品"], { lastVisitedSubject: "S1" }), person("m2", "market")]),
      "S1",
      "CATEGORY_COVERAGE",
      "SAME_SUBJECT_TWICE",
    ],
    [
      "workload cap",
      () =>
        run(
          [v("S1", ["market:1"]), v("S2", ["market:1"])],
          [person("m1", "market", ["食品"]), person("m2", "market"), person("m3", "market")],
          [],
          { workloadCap: 1 },
        ),
      "S2",
      "CATEGORY_COVERAGE",
      "WORKLOAD_CAP",
    ],
    [
      "expert missing",
      () => run([v("S1", ["market:2"])], [person("m1", "market"), person("m2", "market")], [person("x", "expert", ["fire"])]),
      "S1",
      "EXPERT_COVERAGE",
      null,
    ],
  ];
  for (const [name, f, subjectId, rule, blockedBy] of cases) {
    it(name, () => {
      const e = infeasible(f);
      expect(e.code).toBe("INFEASIBLE_ASSIGNMENT");
      expect(e.items).toEqual([expect.objectContaining({ subjectId, rule, blockedBy })]);
      expect(e.message).toContain(subjectId);
      expect(e.message).toMatch(/无法按规则/);
    });
  }

  it("reports every visit that fails, not only the first", () => {
    const e = infeasible(() =>
      run([v("S1", ["market:1"]), v("S2", ["market:2"]), v("S3", ["market:1"])], [person("m1", "market"), person("m2", "market")]),
    );
    expect(e.items.map((i) => i.subjectId)).toEqual(["S1", "S2", "S3"]);
  });
});

describe("checkAssignment detects broken rules", () => {
  const inspectors = [
    person("market:1", "market", ["食品"]),
    person("market:2", "market"),
    person("market:3", "market", [], { conflicts: ["S1"] }),
    person("ecology:1", "ecology"),
  ];
  const visits = [v("S1", ["market:1"])];
  const rules = normalizeRules(baseRules);
  const check = (a: VisitAssignment[]) => checkAssignment(a, { visits, inspectors, experts: [], rules }).map((x) => x.rule);
  it("each rule", () => {
    expect(check([{ subjectId: "S1", inspectors: { market: ["market:1", "market:2"] }, experts: [] }])).toEqual([]);
    expect(check([{ subjectId: "S1", inspectors: { market: ["market:1", "market:3"] }, experts: [] }])).toEqual(["CONFLICT"]);
    expect(check([{ subjectId: "S1", inspectors: { market: ["market:2", "market:3"] }, experts: [] }])).toContain("CATEGORY_COVERAGE");
    expect(check([{ subjectId: "S1", inspectors: { market: ["market:1"] }, experts: [] }])).toEqual(["MIN_INSPECTORS"]);
    expect(check([{ subjectId: "S1", inspectors: { market: ["market:1", "ghost"] }, experts: [] }])).toContain("UNKNOWN_PERSON");
    expect(check([{ subjectId: "S1", inspectors: { market: ["market:1"], ecology: ["ecology:1"] }, experts: [] }])).toEqual([
      "DEPARTMENT_MISMATCH",
    ]);
    expect(check([{ subjectId: "S1", inspectors: { market: ["market:1", "market:1"] }, experts: [] }])).toContain("DUPLICATE_PERSON");
    expect(check([])).toEqual(["MISSING_VISIT"]);
    expect(check([{ subjectId: "S9", inspectors: {}, experts: [] }])).toEqual(["UNEXPECTED_VISIT", "MISSING_VISIT"]);
  });
});

// ------------------------------------------------------------------------------------------------
// Property tests

const DEPTS = ["market", "ecology"];
const CATS = ["c1", "c2", "c3"];
const MATTERS = ["market:1", "market:2", "market:3", "ecology:1", "ecology:2"];
const SUBJECTS = Array.from({ length: 8 }, (_, i) => `S${i}`);

const weighted = <T>(common: T, ...rare: T[]) =>
  fc.oneof({ arbitrary: fc.constant(common), weight: 6 }, ...rare.map((r) => ({ arbitrary: fc.constant(r), weight: 1 })));

const personArb = (dept: fc.Arbitrary<string>, cats: string[]) =>
  fc.record({
    department: dept,
    categories: fc.subarray(cats),
    region: weighted("512002", "512021", "510100"),
    status: weighted<PersonStatus>("ACTIVE", "SUSPENDED", "TRANSFERRED"),
    conflicts: fc.oneof(
      { arbitrary: fc.constant<string[]>([]), weight: 5 },
      { arbitrary: fc.subarray(SUBJECTS, { maxLength: 2 }), weight: 1 },
    ),
    lastVisitedSubject: fc.option(fc.constantFrom(...SUBJECTS), { nil: null, freq: 2 }),
  });

const scenarioArb = fc.record({
  inspectors: fc.array(personArb(fc.constantFrom(...DEPTS), CATS), { minLength: 2, maxLength: 30 }),
  experts: fc.array(personArb(fc.constant("expert"), ["lab", "fire"]), { maxLength: 6 }),
  visits: fc.uniqueArray(
    fc.record({
      subjectId: fc.constantFrom(...SUBJECTS),
      matters: fc.subarray(MATTERS, { maxLength: 3 }),
      departments: fc.subarray(DEPTS, { minLength: 1 }),
    }),
    {
      selector: (x) => x.subjectId,
      minLength: 1,
      maxLength: 8,
    },
  ),
  minInspectors: weighted(2, 1, 3),
  workloadCap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  expertWorkloadCap: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  eligibleRegions: weighted([""], ["5120"], ["512002"]),
  borrowFromDepartments: fc.constantFrom<string[]>([], ["ecology"]),
  seed: fc.string({ minLength: 1, maxLength: 8 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function setUp(s: Scenario) {
  const inspectors: InspectorEntry[] = s.inspectors.map((p, i) => ({ ...p, id: `${p.department}:${i}`, level: null }));
  const experts: ExpertEntry[] = s.experts.map((p, i) => ({ ...p, id: `expert:${i}`, level: null }));
  const rules: PlanRules = normalizeRules({
    ratios: { A: 1 },
    minInspectors: s.minInspectors,
    workloadCap: s.workloadCap,
    expertWorkloadCap: s.expertWorkloadCap,
    region: { eligibleRegions: s.eligibleRegions, borrowFromDepartments: s.borrowFromDepartments },
    matters: {
      "market:1": { categories: ["c1"] },
      "market:2": { categories: ["c2", "c3"], expertCategories: [] },
      "ecology:1": { categories: ["c2"] },
      "ecology:2": { expertCategories: ["lab"] },
    },
  });
  return { inspectors, experts, rules };
}

/** Is this one visit staffable at all (ignoring the workload caps)? Send everyone eligible and check. */
function staffableAlone(visit: VisitSpec, inspectors: InspectorEntry[], experts: ExpertEntry[], rules: PlanRules): boolean {
  const ok = (p: InspectorEntry) =>
    p.status === "ACTIVE" &&
    regionAllows(rules.region, p) &&
    !p.conflicts.includes(visit.subjectId) &&
    p.lastVisitedSubject !== visit.subjectId;
  const depts = visitDepartments(rules, visit);
  const team = inspectors.filter((p) => ok(p) && depts.includes(p.department));
  const groups: Record<string, string[]> = {};
  for (const p of team) (groups[p.department] ??= []).push(p.id);
  const assignment = [{ subjectId: visit.subjectId, inspectors: groups, experts: experts.filter(ok).map((p) => p.id) }];
  return (
    checkAssignment(assignment, { visits: [visit], inspectors, experts, rules: { ...rules, workloadCap: null, expertWorkloadCap: null } })
      .length === 0
  );
}

describe("assignment: properties", () => {
  it("every assignment satisfies every hard rule; failures name real subjects and known rules", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { inspectors, experts, rules } = setUp(s);
        try {
          const assignment = assignInspectors(s.visits, inspectors, experts, rules, s.seed);
          expect(checkAssignment(assignment, { visits: s.visits, inspectors, experts, rules })).toEqual([]);
          expect(assignment.map((a) => a.subjectId)).toEqual(s.visits.map((x) => x.subjectId));
        } catch (e) {
          if (!(e instanceof InfeasibleAssignmentError)) throw e;
          expect(e.items.length).toBeGreaterThan(0);
          for (const item of e.items) {
            expect(s.visits.map((x) => x.subjectId)).toContain(item.subjectId);
            expect(["MIN_INSPECTORS", "DEPARTMENT_PRESENCE", "CATEGORY_COVERAGE", "EXPERT_COVERAGE"]).toContain(item.rule);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("without workload caps, a visit fails exactly when no team at all could staff it", () => {
    fc.assert(
      fc.property(scenarioArb, (s0) => {
        const s = { ...s0, workloadCap: null, expertWorkloadCap: null };
        const { inspectors, experts, rules } = setUp(s);
        const expectedFailures = s.visits.filter((x) => !staffableAlone(x, inspectors, experts, rules)).map((x) => x.subjectId);
        let failed: string[] = [];
        try {
          assignInspectors(s.visits, inspectors, experts, rules, s.seed);
        } catch (e) {
          if (!(e instanceof InfeasibleAssignmentError)) throw e;
          failed = e.items.map((i) => i.subjectId);
        }
        expect(failed).toEqual(expectedFailures);
      }),
      { numRuns: 400 },
    );
  });

  it("load is as even as the rules allow when nothing else constrains it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 3 }),
        fc.string(),
        (n, visits, min, seed) => {
          fc.pre(n >= min);
          const inspectors = Array.from({ length: n }, (_, i) => person(`market:${i}`, "market"));
          const vs = Array.from({ length: visits }, (_, i) => v(`S${i}`, ["market:9"]));
          const rules = normalizeRules({ ratios: {}, minInspectors: min });
          const a = assignInspectors(vs, inspectors, [], rules, seed);
          const loads = inspectors.map((p) => a.filter((x) => x.inspectors["market"]!.includes(p.id)).length);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
