import type { PlanMatterSnapshot } from "../plans/plan.entity.js";

/** 抽查报告 within 3 working days of the inspection's end, unless a matter names its own deadline (docs/rules.md). */
export const REPORT_WORKING_DAYS = 3;

/**
 * The report deadline, in working days, of one department's part of a visit. One report covers all the
 * department's matters on the visit, so it must meet the strictest of them: each matter counts with its
 * own statutory deadline (`reportDeadlineWorkingDays`, from the plan's snapshot of the matter version)
 * or, naming none, the default 3; the report is due after the shortest. Why the shortest and not the
 * longest: a longer deadline allowed by one matter's statute never extends another matter's, while
 * meeting the shortest meets them all (docs/rules.md "Deadlines").
 */
export function reportDeadlineDays(
  matters: readonly Pick<PlanMatterSnapshot, "department" | "matterId" | "reportDeadlineWorkingDays">[],
  department: string,
  visitMatterRefs: readonly string[],
): number {
  const onVisit = new Set(visitMatterRefs);
  const days = matters
    .filter((m) => m.department === department && onVisit.has(`${m.department}:${m.matterId}`))
    .map((m) => m.reportDeadlineWorkingDays ?? REPORT_WORKING_DAYS);
  return days.length ? Math.min(...days) : REPORT_WORKING_DAYS;
}
