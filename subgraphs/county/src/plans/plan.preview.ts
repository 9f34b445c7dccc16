import type { EntityManager } from "@mikro-orm/core";
import { stratumTargets, STRATA, type Stratum } from "@ssj/draw-engine";
import { AppError } from "@ssj/shared";
import type { DepartmentClient } from "../departments/department-client.js";
import { activeDepartment } from "../departments/department.service.js";
import { checkPoolsSuffice, gatherPools } from "../draws/freeze.js";
import type { Plan } from "./plan.entity.js";
import type { PlanPreview, PreviewProblem } from "./plan.preview.types.js";

/**
 * 预览: gathers the pools exactly as a freeze would (same departments, scope, cooldown, borrowing) and
 * computes the counts the draw would use, but writes nothing — no draw, no digest, no audit entry. So a
 * coordinator can correct a ratio the day before the public draw (docs/rules.md, "Correcting a plan").
 */
export async function previewPlan(em: EntityManager, client: DepartmentClient, plan: Plan): Promise<PlanPreview> {
  const departments = await Promise.all(plan.departments.map((c) => activeDepartment(em, c, "departments")));
  const { pools, leftOut } = await gatherPools(em, client, plan, departments);
  const problems: PreviewProblem[] = [];
  if (!pools.candidates.length)
    problems.push({ code: "EMPTY_POOL", message: `计划「${plan.name}」范围内没有符合条件的市场主体，无法冻结` });
  try {
    checkPoolsSuffice(plan, departments, pools);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problems.push({ code: e.code, message: e.message });
  }

  const sizes: Partial<Record<Stratum, number>> = {};
  for (const c of pools.candidates) sizes[c.stratum] = (sizes[c.stratum] ?? 0) + 1;
  const targets = stratumTargets(sizes, plan.ratios, plan.cap);
  const share = (s: Stratum) => {
    const t = targets.find((p) => p.stratum === s)!;
    return t.poolSize ? t.target / t.poolSize : 0;
  };

  const required = (code: string) =>
    [...new Set(plan.matters.filter((m) => m.department === code).flatMap((m) => m.qualifications))].sort();
  return {
    candidates: pools.candidates.length,
    expectedVisits: targets.reduce((a, t) => a + t.target, 0),
    strata: STRATA.map((s) => {
      const t = targets.find((p) => p.stratum === s)!;
      return { stratum: s, candidates: t.poolSize, ratio: t.ratio, ratioTarget: t.ratioTarget, target: t.target };
    }),
    excluded: leftOut.map((l) => ({ reason: l.reason, count: l.subjects.length, subjects: l.subjects.slice(0, 100) })),
    departments: departments.map((d) => {
      const prefix = `${d.code}:`;
      const carrying = pools.candidates.filter((c) => c.matters.some((m) => m.startsWith(prefix)));
      const own = pools.inspectors.filter((i) => i.department === d.code);
      return {
        department: d.code,
        candidates: carrying.length,
        expectedVisits: Math.round(carrying.reduce((a, c) => a + share(c.stratum), 0) * 10) / 10,
        inspectors: own.length,
        categories: required(d.code).map((category) => ({
          category,
          inspectors: own.filter((i) => i.categories.includes(category)).length,
        })),
      };
    }),
    problems,
  };
}
