import type { EntityManager } from "@mikro-orm/core";
import { type CandidateEntry, type InspectorEntry, type Pools, type PlanRulesInput, type DepartmentRisk } from "@ssj/draw-engine";
import { AppError, type PersonLine, enforcementCategory, hasToken, ErrorCode } from "@ssj/shared";
import type { DepartmentClient } from "../departments/department-client.js";
import { Department, DepartmentStatus } from "../departments/department.entity.js";
import { CooldownScope, type Plan, type PlanMatterSnapshot } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { recentlyInspected, recognisedDepartments } from "./recognition.js";
import { SubjectSnapshot } from "./subject-snapshot.js";
import { SubjectTally, type LineKind } from "./subject-tally.js";
import { turn } from "./turn.js";

/** A region code as a prefix of the codes below it: 512000 (资阳市) → 5120. */
export const regionPrefix = (region: string) => region.replace(/0+$/, "") || region;

export const matterRef = (m: Pick<PlanMatterSnapshot, "department" | "matterId">) => `${m.department}:${m.matterId}`;

/** The draw rules a plan implies, in the engine's terms. */
export function planRules(plan: Plan, departments: Department[]): PlanRulesInput {
  return {
    ratios: plan.ratios,
    cap: plan.cap,
    minInspectors: plan.minInspectors,
    workloadCap: plan.workloadCap,
    region: {
      eligibleRegions: plan.eligibleRegions ?? [...new Set(departments.map((d) => regionPrefix(d.region)))],
      borrowFromDepartments: [],
    },
    matters: Object.fromEntries(
      plan.matters.map((m) => [
        matterRef(m),
        { department: m.department, categories: m.qualifications, expertCategories: m.expertRequired ? [] : null },
      ]),
    ),
  };
}

export interface GatheredPools {
  pools: Pools;
  rules: PlanRulesInput;
  /** Subjects left out, by reason (stored with the frozen draw). */
  excluded: Record<string, number>;
  /** For the preview: who is left out and why, the reasons of `excluded` and subjects no matter of the plan applies to. */
  leftOut: { reason: string; subjects: string[] }[];
  /** Names and source directories from the pool entries, for the drawn visits (subject-snapshot.ts). */
  subjects: SubjectSnapshot;
}

export const NO_MATTER_APPLIES = "监管类型与计划事项均不对应 / no matter of the plan applies to its supervision types";

/** The subject each inspector visited last (for "not the same subject twice in a row"). */
async function lastVisits(em: EntityManager, departments: string[]): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  const visits = await em.find(
    Visit,
    { $or: departments.map((d) => hasToken("departments_key", d)) },
    { fields: ["uscc", "inspectors"], orderBy: { id: "desc" }, limit: 50_000, disableIdentityMap: true },
  );
  for (const v of visits) for (const ids of Object.values(v.inspectors)) for (const id of ids) if (!last.has(id)) last.set(id, v.uscc);
  return last;
}

/**
 * Gathers a draw's pools from the participating department instances (one stream of lines per
 * department and pool, never a request per subject): a subject in scope in any participating
 * department's directory is one candidate, with the union of the plan's matters that apply to it
 * and its stratum over all its departments.
 */
export async function gatherPools(
  em: EntityManager,
  client: DepartmentClient,
  plan: Plan,
  departments: Department[],
  now = new Date(),
): Promise<GatheredPools> {
  const subjects = new SubjectTally();
  const noMatter = new Set<string>();
  const snapshot = new SubjectSnapshot(plan.wholeSystem, (id) => subjects.indexOf(id));
  const inspectors: InspectorEntry[] = [];
  const experts: InspectorEntry[] = [];
  // a whole-system plan (跨层级协同) draws its units' subjects and staffs them with its units' inspectors
  const borrowed =
    plan.allowBorrowing || plan.wholeSystem
      ? await em.find(
          Department,
          { parentCode: { $in: departments.map((d) => d.code) }, status: DepartmentStatus.ACTIVE },
          { orderBy: { id: "asc" } },
        )
      : [];
  const sources = plan.wholeSystem ? [...departments, ...borrowed] : departments;
  const last = await lastVisits(
    em,
    [...departments, ...borrowed].map((d) => d.code),
  );
  const recent = plan.cooldownDays
    ? await recentlyInspected(em, plan.cooldownDays, await recognisedDepartments(em, plan), now)
    : new Map<string, Set<string>>();
  const typesOf = new Map(plan.matters.map((m) => [matterRef(m), m.appliesTo]));
  const scope = { regions: plan.scopeRegions, categories: plan.scopeCategories, supervisionTypes: plan.scopeSupervisionTypes };

  // A borrowed inspector (跨区域) keeps the id of their own directory but serves the upper-level department.
  const people = async (d: Department, kind: "inspectors" | "experts", into: InspectorEntry[]) => {
    const serves = d.parentCode && borrowed.includes(d) ? d.parentCode : d.code;
    await client.pool<PersonLine>(d, kind, {}, (batch) => {
      for (const p of batch) {
        const id = `${d.code}:${p.id}`;
        into.push({
          id,
          department: serves,
          categories: p.categories,
          region: p.region,
          status: "ACTIVE",
          conflicts: p.conflicts ?? [],
          lastVisitedSubject: last.get(id) ?? null,
          level: d.level,
        });
      }
    });
  };
  await Promise.all([
    ...sources.map(async (source, rank) => {
      // a unit's subject is drawn for its upper-level department's matters, at the class the unit's books give it
      const d = departments.find((x) => x.code === source.code) ?? departments.find((x) => x.code === source.parentCode)!;
      const matters = plan.matters.filter((m) => m.department === d.code);
      // the matters that apply depend only on the supervision types: worked out once per combination of them
      const kinds = new Map<string, LineKind | null>();
      // one risk for every line of the stream, read by the tally and not kept
      const flags = { abnormal: false, dishonest: false, seriousViolation: false, keySector: false };
      const risk: DepartmentRisk = { department: d.code, riskClass: "A", flags };
      await client.candidates(source, scope, (line) => {
        // the list's JSON text is the key: parsed once per distinct value
        let kind = kinds.get(line.supervisionTypes);
        if (kind === undefined) {
          const types = JSON.parse(line.supervisionTypes) as string[];
          const applies = matters.filter((m) => m.appliesTo.some((t) => types.includes(t))).map(matterRef);
          kind = applies.length ? subjects.lineKind(d.code, applies, types) : null;
          kinds.set(line.supervisionTypes, kind);
        }
        if (!kind) {
          noMatter.add(line.uscc);
          return;
        }
        risk.riskClass = line.riskClass as DepartmentRisk["riskClass"];
        flags.abnormal = line.abnormalList;
        flags.dishonest = line.dishonest;
        flags.seriousViolation = line.seriousViolation;
        flags.keySector = line.keySector;
        // in a whole-system plan a subject may sit in the city's directory and a unit's: the tally keeps its matters once
        snapshot.add(subjects.addLine(line, risk, kind), line, d.code, source.code, rank);
      });
    }),
    ...[...departments, ...borrowed].map((d) => people(d, "inspectors", inspectors)),
    ...departments.map((d) => people(d, "experts", experts)),
  ]);
  // the last line's fold ends here: the event loop runs before the candidates are built (turn.ts)
  await turn();

  const candidates: CandidateEntry[] = [];
  const cooledDown: string[] = [];
  // in id order: the candidates come out as the frozen pool keeps them, and draw.freeze.ts's sort is one check
  subjects.forEachById((uscc, stratum, kind) => {
    // §十五: FLAGGED subjects are to be inspected more, never spared by a recent inspection
    const checked = stratum === "FLAGGED" ? undefined : recent.get(uscc);
    // a matter is recognised as done when every supervision type it applies to the subject through was inspected
    const done = (m: string) =>
      typesOf
        .get(m)!
        .filter((t) => kind.types.includes(t))
        .every((t) => checked!.has(t));
    const matters = checked ? kind.matters.filter((m) => !done(m)) : kind.matters;
    if (!matters.length) cooledDown.push(uscc);
    // the kind's lists are shared by every candidate of that kind: the canonical text sorts each list once
    else candidates.push({ subjectId: uscc, stratum, matters, departments: kind.departments });
  });
  const cooldownReason = `近 ${plan.cooldownDays} 天内已由${plan.cooldownScope === CooldownScope.ALL_DEPARTMENTS ? "任一部门" : "参与部门（含上下级）"}就相同监管类型实施检查（结果互认）/ inspected for the same supervision types within ${plan.cooldownDays} days`;
  const excluded = plan.cooldownDays ? { [cooldownReason]: cooledDown.length } : {};
  const leftOut = [
    ...(plan.cooldownDays ? [{ reason: cooldownReason, subjects: cooledDown }] : []),
    { reason: NO_MATTER_APPLIES, subjects: [...noMatter].filter((u) => !subjects.has(u)) },
  ];
  return {
    pools: { candidates, inspectors, experts },
    rules: planRules(plan, [...departments, ...borrowed]),
    excluded,
    leftOut,
    subjects: snapshot,
  };
}

/**
 * Refusals that can be decided before any seed exists: only what makes a draw impossible — a department
 * that cannot staff its own matters (no active inspector, or none holding a category a matter requires,
 * or no expert where a matter needs one). A pool smaller than the plan's cap is no refusal: the cap is
 * a ceiling on visits, and a smaller pool simply draws by the ratios.
 */
export function checkPoolsSuffice(plan: Plan, departments: Department[], pools: Pools): void {
  if (pools.inspectors.length < plan.minInspectors) {
    throw new AppError(
      ErrorCode.INSUFFICIENT_INSPECTORS,
      `在岗执法人员共 ${pools.inspectors.length} 人，少于每户最少 ${plan.minInspectors} 人`,
      {
        inspectors: pools.inspectors.length,
      },
    );
  }
  for (const d of departments) {
    const own = pools.inspectors.filter((i) => i.department === d.code);
    if (!own.length)
      throw new AppError(ErrorCode.INSUFFICIENT_INSPECTORS, `「${d.name}」没有在岗的执法检查人员，无法承担其抽查事项`, {
        department: d.code,
      });
    for (const m of plan.matters.filter((x) => x.department === d.code)) {
      for (const category of m.qualifications) {
        if (!own.some((i) => i.categories.includes(category))) {
          throw new AppError(
            ErrorCode.INSUFFICIENT_INSPECTORS,
            `「${d.name}」没有具备「${enforcementCategory(category)?.name ?? category}」执法类别的在岗人员，无法检查事项「${m.name}」`,
            { department: d.code, category },
          );
        }
      }
      if (m.expertRequired && !pools.experts.length) {
        throw new AppError(ErrorCode.INSUFFICIENT_EXPERTS, `事项「${m.name}」需要专家参与，但专家库中没有可用专家`, { department: d.code });
      }
    }
  }
}
