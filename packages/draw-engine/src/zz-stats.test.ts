import { it } from "vitest";
import fc from "fast-check";
import { assignInspectors, type VisitSpec } from "./assign.js";
import { checkAssignment } from "./check-assignment.js";
import { InfeasibleAssignmentError } from "./errors.js";
import { normalizeRules, regionAllows, visitDepartments } from "./rules.js";
import type { ExpertEntry, InspectorEntry, PersonStatus, PlanRules } from "./types.js";
const DEPTS = ["market", "ecology"];
const CATS = ["c1", "c2", "c3"];
const MATTERS = ["market:1", "market:2", "market:3", "ecology:1", "ecology:2"];
const SUBJECTS = Array.from({ length: 8 }, (_, i) => `S${i}`);

const weighted = <T>(common: T, ...rare: T[]) => fc.oneof({ arbitrary: fc.constant(common), weight: 6 }, ...rare.map((r) => ({ arbitrary: fc.constant(r), weight: 1 })));

const personArb = (dept: fc.Arbitrary<string>, cats: string[]) =>
  fc.record({
    department: dept,
    categories: fc.subarray(cats),
    region: weighted("512002", "512021", "510100"),
    status: weighted<PersonStatus>("ACTIVE", "SUSPENDED", "TRANSFERRED"),
    conflicts: fc.oneof({ arbitrary: fc.constant([]), weight: 5 }, { arbitrary: fc.subarray(SUBJECTS, { maxLength: 2 }), weight: 1 }),
    lastVisitedSubject: fc.option(fc.constantFrom(...SUBJECTS), { nil: null, freq: 2 }),
  });

const scenarioArb = fc.record({
  inspectors: fc.array(personArb(fc.constantFrom(...DEPTS), CATS), { minLength: 2, maxLength: 30 }),
  experts: fc.array(personArb(fc.constant("expert"), ["lab", "fire"]), { maxLength: 6 }),
  visits: fc.uniqueArray(fc.record({ subjectId: fc.constantFrom(...SUBJECTS), matters: fc.subarray(MATTERS, { maxLength: 3 }), departments: fc.subarray(DEPTS, { minLength: 1 }) }), {
    selector: (x) => x.subjectId,
    minLength: 1,
    maxLength: 8,
  }),
  minInspectors: weighted(2, 1, 3),
  workloadCap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  expertWorkloadCap: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  eligibleRegions: weighted([""], ["5120"], ["512002"]),
  borrowFromDepartments: fc.constantFrom([], ["ecology"]),
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
  const ok = (p: InspectorEntry) => p.status === "ACTIVE" && regionAllows(rules.region, p) && !p.conflicts.includes(visit.subjectId) && p.lastVisitedSubject !== visit.subjectId;
  const depts = visitDepartments(rules, visit);
  const team = inspectors.filter((p) => ok(p) && depts.includes(p.department));
  const groups: Record<string, string[]> = {};
  for (const p of team) (groups[p.department] ??= []).push(p.id);
  const assignment = [{ subjectId: visit.subjectId, inspectors: groups, experts: experts.filter(ok).map((p) => p.id) }];
  return checkAssignment(assignment, { visits: [visit], inspectors, experts, rules: { ...rules, workloadCap: null, expertWorkloadCap: null } }).length === 0;
}
it("stats", () => {
  fc.statistics(scenarioArb, (s) => {
    const { inspectors, experts, rules } = setUp(s);
    try { const a = assignInspectors(s.visits, inspectors, experts, rules, s.seed); return "ok" + (a.some(x=>x.experts.length>0) ? "+experts" : "") + (a.some(x=>Object.keys(x.inspectors).length>1) ? "+joint":""); } catch (e) { return (e as InfeasibleAssignmentError).items.map(i=>i.rule+"/"+i.blockedBy)[0]!; }
  }, { numRuns: 2000 });
});
