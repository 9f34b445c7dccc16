import { AppError, ErrorCode, forbidden, Role, type Identity } from "@ssj/shared";
import { seesAll } from "../access.js";
import type { Visit } from "../visits/visit.entity.js";

/**
 * Who may act on a visit. The visit belongs to the visit (its assigned inspectors, or their department
 * admin on their behalf); findings, reports, review and publication belong to each department's part,
 * authorised exactly as if they sat in that department's own books (docs/architecture.md).
 */
export const departmentsOf = (visit: Visit) => visit.departmentsKey.split("|").filter(Boolean);
export const inspectorsOf = (visit: Visit) => Object.values(visit.inspectors).flat();

export const isAssigned = (i: Identity, visit: Visit) =>
  i.role === Role.INSPECTOR && visit.inspectorsKey.includes(`|${i.department}:${i.inspectorId}|`);

/** An assigned inspector, or the admin of a department on the visit acting for its team (recorded as such). */
export function assertVisitTeam(i: Identity, visit: Visit, what: string): { onBehalf: boolean } {
  if (isAssigned(i, visit)) return { onBehalf: false };
  if (i.role === Role.DEPARTMENT_ADMIN && i.department && departmentsOf(visit).includes(i.department)) return { onBehalf: true };
  throw forbidden(i, what, { visitId: visit.id });
}

/**
 * Assigned for `department`: its own inspector, or one borrowed from a lower-level unit (跨区域, whole-system plans)
 * who serves it on this visit under their own directory's id (`visit.inspectors[department]`).
 */
export const servesFor = (i: Identity, visit: Visit, department: string) =>
  i.role === Role.INSPECTOR && (visit.inspectors[department] ?? []).includes(`${i.department}:${i.inspectorId}`);

/** An inspector assigned to the visit for `department` (findings, drafting and submitting its report). */
export function assertDepartmentInspector(i: Identity, visit: Visit, department: string, what: string): void {
  if (!departmentsOf(visit).includes(department))
    throw new AppError(ErrorCode.WRONG_DEPARTMENT, `部门「${department}」不参加本次检查`, { visitId: visit.id, department });
  if (servesFor(i, visit, department)) return;
  if (i.role === Role.INSPECTOR && i.department !== department && isAssigned(i, visit))
    throw new AppError(ErrorCode.WRONG_DEPARTMENT, `只能由「${department}」的执法人员${what}（您属于「${i.department}」）`, {
      visitId: visit.id,
      department,
    });
  if (!(isAssigned(i, visit) && i.department === department)) throw forbidden(i, what, { visitId: visit.id, department });
}

/** 审定 and 公示: the department's admin or a `department_reviewer` of that department. */
export function assertReviewer(i: Identity, department: string, what: string): void {
  if ((i.role === Role.DEPARTMENT_ADMIN || i.role === Role.DEPARTMENT_REVIEWER) && i.department === department) return;
  throw forbidden(i, what, { department });
}

/** Cancelling: the coordinator, or the admin of a department on the visit. */
export function assertMayCancel(i: Identity, visit: Visit, what: string): void {
  if (i.role === Role.COUNTY_COORDINATOR) return;
  if (i.role === Role.DEPARTMENT_ADMIN && i.department && departmentsOf(visit).includes(i.department)) return;
  throw forbidden(i, what, { visitId: visit.id });
}

/** Sees the non-public part of a visit (on-site record, findings, evidence, drafts); `oversees` as in access.ts. */
export function seesVisitBooks(i: Identity, visit: Visit, oversees: readonly string[] = []): boolean {
  if (seesAll(i) || isAssigned(i, visit)) return true;
  // an upper-level department's admin/reviewer reads its lower-level units' books (oversight, never acting)
  if (oversees.some((d) => departmentsOf(visit).includes(d))) return true;
  return (
    (i.role === Role.DEPARTMENT_ADMIN || i.role === Role.DEPARTMENT_REVIEWER) &&
    !!i.department &&
    departmentsOf(visit).includes(i.department)
  );
}
