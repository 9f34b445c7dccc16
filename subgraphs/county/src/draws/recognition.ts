import type { EntityManager } from "@mikro-orm/core";
import { Department } from "../departments/department.entity.js";
import { OnSiteRecord } from "../inspections/on-site.entity.js";
import { CooldownScope, Plan } from "../plans/plan.entity.js";
import { Visit, VisitStatus } from "../visits/visit.entity.js";

/**
 * A visit counts for 互认 (mutual recognition of results, docs/rules.md) only once the inspection took
 * place: INSPECTED and every step after it. UNREACHABLE, REFUSED and CANCELLED visits excluded nothing: no
 * one inspected the subject, and a subject that could not be reached or refused must not earn a respite.
 */
export const INSPECTED_STATES = [VisitStatus.INSPECTED, VisitStatus.REPORTED, VisitStatus.REVIEWED, VisitStatus.PUBLISHED];

/**
 * The departments whose results a plan recognises: those taking part in it, their lower-level units
 * (registry `parentCode`) and their upper-level department — a subject inspected by a county unit
 * counts for the city and the other way round — or every department when the plan says so.
 */
export async function recognisedDepartments(
  em: EntityManager,
  plan: Pick<Plan, "departments" | "cooldownScope">,
): Promise<Set<string> | null> {
  if (plan.cooldownScope === CooldownScope.ALL_DEPARTMENTS) return null;
  const registry = await em.find(Department, {}, { fields: ["code", "parentCode"], disableIdentityMap: true });
  const taking = new Set(plan.departments);
  const parents = registry.filter((d) => taking.has(d.code) && d.parentCode).map((d) => d.parentCode!);
  const units = registry.filter((d) => d.parentCode && taking.has(d.parentCode)).map((d) => d.code);
  return new Set([...taking, ...parents, ...units]);
}

/**
 * The supervision types each subject was inspected for within the last `days` days (the day the
 * inspection ended), by a recognised department (null: any), from the matters the visit carried.
 */
export async function recentlyInspected(
  em: EntityManager,
  days: number,
  recognised: Set<string> | null,
  now: Date,
): Promise<Map<string, Set<string>>> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const checked = new Map<string, Set<string>>();
  const ended = await em.find(OnSiteRecord, { endedAt: { $gte: since } }, { fields: ["visitId"], disableIdentityMap: true });
  if (!ended.length) return checked;
  const visits = await em.find(
    Visit,
    { id: { $in: ended.map((o) => o.visitId) }, status: { $in: INSPECTED_STATES } },
    { fields: ["uscc", "planId", "matterCodes"], disableIdentityMap: true },
  );
  const plans = await em.find(
    Plan,
    { id: { $in: [...new Set(visits.map((v) => v.planId))] } },
    { fields: ["matters"], disableIdentityMap: true },
  );
  const typesOf = new Map<string, string[]>();
  for (const p of plans)
    for (const m of p.matters) if (!recognised || recognised.has(m.department)) typesOf.set(`${m.department}:${m.code}`, m.appliesTo);
  for (const v of visits) {
    const set = checked.get(v.uscc) ?? new Set<string>();
    for (const c of v.matterCodes) for (const t of typesOf.get(c) ?? []) set.add(t);
    checked.set(v.uscc, set);
  }
  return checked;
}
