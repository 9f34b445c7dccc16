import type { EntityManager } from "@mikro-orm/core";
import { Plan } from "../plans/plan.entity.js";
import type { Visit } from "../visits/visit.entity.js";
import { workingCalendar } from "./calendar.service.js";
import type { Finding } from "./finding.entity.js";
import type { OnSiteRecord } from "./on-site.entity.js";
import { reportDeadlineDays } from "./report-deadline.js";
import { InspectionReport } from "./report.entity.js";
import { resultLabel } from "./result-codes.js";
import { departmentsOf } from "./visit-access.js";
import { VisitOutcome } from "./visit-outcome.js";

/** Results public within 20 working days of the inspection's end (SAMR rule); later is flagged, not blocked. */
export const PUBLISH_WORKING_DAYS = 20;

const when = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

/**
 * One draft report per department on the visit, due after that department's deadline (report-deadline.ts),
 * generated from its findings: the six items of the regulation, which the department's inspectors then correct
 * before submitting.
 */
export async function draftReports(tx: EntityManager, visit: Visit, onSite: OnSiteRecord, findings: Finding[]): Promise<void> {
  const calendar = await workingCalendar(tx);
  const end = onSite.endDate!;
  const publishDue = calendar.addWorkingDays(end, PUBLISH_WORKING_DAYS);
  // The matters' deadlines come from the plan's snapshot of each matter version, taken when the plan was made;
  // an unplanned inspection has no plan snapshot, so its reports keep the default deadline.
  const plan = visit.planId === null ? null : await tx.findOneOrFail(Plan, visit.planId);
  for (const department of departmentsOf(visit)) {
    const due = calendar.addWorkingDays(end, reportDeadlineDays(plan?.matters ?? [], department, visit.matters));
    const own = findings.filter((f) => f.department === department).sort((a, b) => a.matter.localeCompare(b.matter));
    const codes = visit.matterCodes.filter((c) => c.startsWith(`${department}:`)).map((c) => c.slice(department.length + 1));
    const clean = own.every((f) => f.result === "NO_PROBLEM");
    const steps =
      onSite.outcome === VisitOutcome.COMPLETED
        ? `执法人员 ${onSite.present.filter((p) => p.startsWith(`${department}:`)).join("、")} 出示执法证件，送达检查通知书（${onSite.noticeNumber ?? "—"}），进行现场检查。`
        : (onSite.outcomeNote ?? "");
    tx.create(InspectionReport, {
      visitId: visit.id,
      department,
      inspectionTime: `${when(onSite.startedAt ?? onSite.endedAt)} 至 ${when(onSite.endedAt)}`,
      content: `本部门抽查事项：${codes.join("、")}`,
      steps,
      findings: own.map((f) => `${f.matter}：${resultLabel(f.result)}。${f.description}`).join("\n"),
      evaluation: clean ? "未发现问题。" : "发现问题，详见检查结果。",
      handling: clean ? "无。" : "依法处理，详见检查结果。",
      dueDate: due.date,
      publishDueDate: publishDue.date,
      dueProvisional: due.provisional || publishDue.provisional,
    });
  }
}
