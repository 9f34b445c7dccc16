import { forbidden, isStaffOf, Role, type Identity } from "@ssj/shared";
import type { Draw } from "./draws/draw.entity.js";
import { DrawStatus } from "./draws/draw.entity.js";
import type { Plan } from "./plans/plan.entity.js";
import { PlanKind } from "./plans/plan.entity.js";
import type { Visit } from "./visits/visit.entity.js";

/**
 * Who may do what in the county service (docs/rules.md, "Who may do what"). Reading: coordinators, auditors and platform
 * services see everything; a department's staff see the plans and draws their department takes part
 * in; everyone sees what is published. Writing: the coordinator runs joint plans and the registry; a
 * department admin runs its own department plans.
 */
export const seesAll = (i: Identity) => i.role === Role.COUNTY_COORDINATOR || i.role === Role.AUDITOR || i.role === Role.SERVICE;

export function assertCoordinator(i: Identity, what: string): void {
  if (i.role !== Role.COUNTY_COORDINATOR) throw forbidden(i, what);
}

export function assertManagesPlan(i: Identity, plan: Pick<Plan, "kind" | "leadDepartment">, what: string): void {
  if (i.role === Role.COUNTY_COORDINATOR) return;
  if (plan.kind === PlanKind.DEPARTMENT && i.role === Role.DEPARTMENT_ADMIN && i.department === plan.leadDepartment) return;
  throw forbidden(i, what);
}

/**
 * Staff of a department taking part, or the admin/reviewer of an upper-level department overseeing one of them
 * (`oversees`: the caller's lower-level units, departments/lower-units.ts): a city sees its county units' work.
 */
export const takesPart = (i: Identity, plan: Pick<Plan, "departments">, oversees: readonly string[] = []) =>
  plan.departments.some((d) => isStaffOf(i, d) || oversees.includes(d));

export function canSeePlan(i: Identity, plan: Plan, published: boolean, oversees: readonly string[] = []): boolean {
  return seesAll(i) || takesPart(i, plan, oversees) || published;
}

/**
 * The public follows a draw from the moment its pools are frozen: the digests and counts must be out
 * before any ceremony value exists (docs/draw-record.md). A draw cancelled before its freeze never was public.
 */
export const isPublicDraw = (draw: Pick<Draw, "frozenAt">) => draw.frozenAt !== null;

export function canSeeDraw(i: Identity, plan: Plan, draw: Draw, oversees: readonly string[] = []): boolean {
  return seesAll(i) || takesPart(i, plan, oversees) || isPublicDraw(draw);
}

/** The visits and per-stratum results of a draw: public only once the draw is published. */
export function canSeeDrawResults(i: Identity, plan: Plan, draw: Draw, oversees: readonly string[] = []): boolean {
  return seesAll(i) || takesPart(i, plan, oversees) || draw.status === DrawStatus.PUBLISHED;
}

/** Per-stratum counts reveal how many subjects sit in each risk class: authenticated roles only. */
export const seesStrata = (i: Identity) => i.role !== Role.PUBLIC;

/**
 * An inspector sees only the visits they are assigned to; an admin, those carrying their matters. An unplanned
 * inspection (no draw) is public only through its published results.
 */
export function canSeeVisit(i: Identity, visit: Visit, draw: Draw | null, oversees: readonly string[] = []): boolean {
  if (seesAll(i)) return true;
  if (i.role === Role.INSPECTOR) return visit.inspectorsKey.includes(`|${i.department}:${i.inspectorId}|`);
  if (i.role === Role.DEPARTMENT_ADMIN && visit.departmentsKey.includes(`|${i.department}|`)) return true;
  if (oversees.some((d) => visit.departmentsKey.includes(`|${d}|`))) return true;
  return draw?.status === DrawStatus.PUBLISHED;
}

/** The frozen inspector pools (declared conflicts) and the audit logs. */
export function assertAuditorView(i: Identity, what: string): void {
  if (i.role !== Role.AUDITOR && i.role !== Role.COUNTY_COORDINATOR && i.role !== Role.SERVICE) throw forbidden(i, what);
}
