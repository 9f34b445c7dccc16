import type { EntityManager } from "@mikro-orm/core";
import { buildCandidate, type CandidateEntry, type InspectorEntry, type Pools, type PlanRulesInput, type DepartmentRisk } from "@ssj/draw-engine";
import type { CandidateLine, PersonLine } from "@ssj/shared";
import type { DepartmentClient } from "../departments/department-client.js";
import { Department, DepartmentStatus } from "../departments/department.entity.js";
import type { Plan, PlanMatterSnapshot } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";

/** A region code as a prefix of the codes below it: 512000 (资阳市) → 5120. */
export const regionPrefix = (region: string) => region.replace(/0+$/, "") || region;

export const matterRef = (m: Pick<PlanMatterSnapshot, "department" | "matterId">) => `${m.department}:${m.matterId}`;

/** The draw rules a plan implies, in the engine's terms. */
export function planRules(plan: Plan, departments: Department[], borrowFrom: string[]): PlanRulesInput {
  return {
    ratios: plan.ratios,
    cap: plan.cap,
    minInspectors: plan.minInspectors,
    workloadCap: plan.workloadCap,
    region: { eligibleRegions: departments.map((d) => regionPrefix(d.region)), borrowFromDepartments: borrowFrom },
    matters: Object.fromEntries(
      plan.matters.map((m) => [matterRef(m), { department: m.department, categories: m.qualifications, expertCategories: m.expertRequired ? [] : null }]),
    ),
  };
}

export interface GatheredPools {
  pools: Pools;
  rules: PlanRulesInput;
  /** Subjects left out, by reason. */
  excluded: Record<string, number>;
}

/** The subject each inspector visited last (for "not the same subject twice in a row"). */
async function lastVisits(em: EntityManager, departments: string[]): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  const visits = await em.find(Visit, { $or: departments.map((d) => ({ departmentsKey: { $like: `%|${d}|%` } })) }, { orderBy: { id: "desc" }, limit: 50_000, disableIdentityMap: true });
  for (const v of visits) for (const ids of Object.values(v.inspectors)) for (const id of ids) if (!last.has(id)) last.set(id, v.uscc);
  return last;
}

/**
 * Gathers a draw's pools from the participating department instances (one NDJSON stream per
 * department and pool, never a request per subject): a subject in scope in any participating
 * department's directory is one candidate, with the union of the plan's matters that apply to it
 * and its stratum over all its departments.
 */
export async function gatherPools(em: EntityManager, client: DepartmentClient, plan: Plan, departments: Department[]): Promise<GatheredPools> {
  const subjects = new Map<string, { risks: DepartmentRisk[]; matters: string[] }>();
  const inspectors: InspectorEntry[] = [];
  const experts: InspectorEntry[] = [];
  const borrowed = plan.allowBorrowing
    ? await em.find(Department, { parentCode: { $in: departments.map((d) => d.code) }, status: DepartmentStatus.ACTIVE }, { orderBy: { id: "asc" } })
    : [];
  const last = await lastVisits(em, [...departments, ...borrowed].map((d) => d.code));
  const scope = { regions: plan.scopeRegions, categories: plan.scopeCategories, supervisionTypes: plan.scopeSupervisionTypes };

  const people = async (d: Department, kind: "inspectors" | "experts", into: InspectorEntry[]) => {
    for await (const p of client.pool<PersonLine>(d, kind)) {
      const id = `${d.code}:${p.id}`;
      into.push({ id, department: d.code, categories: p.categories, region: p.region, status: "ACTIVE", conflicts: p.conflicts ?? [], lastVisitedSubject: last.get(id) ?? null, level: d.level });
    }
  };
  await Promise.all([
    ...departments.map(async (d) => {
      const matters = plan.matters.filter((m) => m.department === d.code);
      for await (const line of client.pool<CandidateLine>(d, "candidates", scope)) {
        const applies = matters.filter((m) => m.appliesTo.some((t) => line.supervisionTypes.includes(t))).map(matterRef);
        if (!applies.length) continue;
        const entry = subjects.get(line.uscc) ?? { risks: [], matters: [] };
        entry.risks.push({
          department: d.code,
          riskClass: line.riskClass,
          flags: { abnormal: line.abnormalList, dishonest: line.dishonest, seriousViolation: line.seriousViolation, keySector: line.keySectors.length > 0 },
        });
        entry.matters.push(...applies);
        subjects.set(line.uscc, entry);
      }
    }),
    ...[...departments, ...borrowed].map((d) => people(d, "inspectors", inspectors)),
    ...departments.map((d) => people(d, "experts", experts)),
  ]);

  const candidates: CandidateEntry[] = [];
  for (const [uscc, s] of subjects) candidates.push(buildCandidate(uscc, s.risks, s.matters));
  return { pools: { candidates, inspectors, experts }, rules: planRules(plan, departments, borrowed.map((d) => d.code)), excluded: {} };
}
