import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, requireText } from "@ssj/shared";
import { chinaDateOf } from "@ssj/working-days";
import { proposeAfterPublish } from "../credit/risk-proposal.service.js";
import { VisitChangeKind } from "../events/draw-change.type.js";
import { VisitStatus, type Visit } from "../visits/visit.entity.js";
import { InspectionReport } from "./report.entity.js";
import { assertDepartmentInspector, assertReviewer, assertVisitTeam } from "./visit-access.js";
import { appendVisitStep, findVisit } from "./visit-chain.js";
import type { Caller } from "./visit-life.service.js";
import { ReportStatus } from "./visit-outcome.js";

/** The person behind an actor string (`inspector:wang.fang@market` → `wang.fang@market`), whatever role they acted in. */
const personOf = (actor: string) => actor.slice(actor.indexOf(":") + 1);

const STATUS_LABEL: Record<ReportStatus, string> = { DRAFT: "草稿", REPORTED: "已提交", REVIEWED: "已审定", PUBLISHED: "已公示" };

async function findReport(tx: EntityManager, visitId: number, department: string): Promise<{ visit: Visit; report: InspectionReport }> {
  const visit = await findVisit(tx, visitId);
  const report = await tx.findOne(InspectionReport, { visitId, department });
  if (!report)
    throw new AppError(ErrorCode.NOT_FOUND, `检查 ${visitId} 没有部门「${department}」的报告（检查结束后才生成报告）`, {
      visitId,
      department,
    });
  return { visit, report };
}

/** Moves a report on with a guarded UPDATE, so two reviewers cannot both act on the same state. */
async function step(
  tx: EntityManager,
  report: InspectionReport,
  from: ReportStatus,
  to: ReportStatus,
  refusal: string,
  code: ErrorCode = ErrorCode.INVALID_STATE,
) {
  const n = report.status === from ? await tx.nativeUpdate(InspectionReport, { id: report.id, status: from }, { status: to }) : 0;
  if (n !== 1)
    throw new AppError(code, `${refusal}（报告当前状态：${STATUS_LABEL[report.status]}）`, { reportId: report.id, status: report.status });
  report.status = to;
}

/**
 * The visit's status follows its reports once inspected: REPORTED when every department has submitted,
 * REVIEWED when all are reviewed, PUBLISHED when all are public. UNREACHABLE/REFUSED visits keep theirs.
 */
async function followReports(tx: EntityManager, visit: Visit) {
  const order = [VisitStatus.INSPECTED, VisitStatus.REPORTED, VisitStatus.REVIEWED, VisitStatus.PUBLISHED];
  if (!order.includes(visit.status)) return;
  await tx.flush();
  const reports = await tx.find(InspectionReport, { visitId: visit.id });
  const rank = Math.min(
    ...reports.map((r) => [ReportStatus.DRAFT, ReportStatus.REPORTED, ReportStatus.REVIEWED, ReportStatus.PUBLISHED].indexOf(r.status)),
  );
  visit.status = order[rank]!;
}

export type ReportEdit = Partial<Pick<InspectionReport, "inspectionTime" | "content" | "steps" | "findings" | "evaluation" | "handling">>;
const ITEMS: [keyof ReportEdit, string][] = [
  ["inspectionTime", "检查时间"],
  ["content", "检查内容"],
  ["steps", "检查步骤"],
  ["findings", "检查结果"],
  ["evaluation", "评价"],
  ["handling", "处理意见和建议"],
];

/** Edits the draft: the department's inspectors on the visit, until it is submitted. */
export async function updateReport(em: EntityManager, caller: Caller, visitId: number, department: string, edit: ReportEdit) {
  const changes: ReportEdit = {};
  for (const [k, label] of ITEMS) if (edit[k] !== undefined && edit[k] !== null) changes[k] = requireText(edit[k], k, label, 10000);
  return em.transactional(async (tx) => {
    const { visit, report } = await findReport(tx, visitId, department);
    assertDepartmentInspector(caller.identity, visit, department, "修改本部门的抽查报告");
    if (report.status !== ReportStatus.DRAFT)
      throw new AppError(ErrorCode.INVALID_STATE, `报告已提交，不能再修改（报告当前状态：${STATUS_LABEL[report.status]}）`, {
        reportId: report.id,
      });
    Object.assign(report, changes);
    await appendVisitStep(tx, visit, VisitChangeKind.REPORT_UPDATED, caller.actor, { department, changed: Object.keys(changes) });
    return report;
  });
}

export async function submitReport(em: EntityManager, caller: Caller, visitId: number, department: string) {
  return em.transactional(async (tx) => {
    const { visit, report } = await findReport(tx, visitId, department);
    assertDepartmentInspector(caller.identity, visit, department, "提交本部门的抽查报告");
    await step(tx, report, ReportStatus.DRAFT, ReportStatus.REPORTED, "只有草稿状态的报告可以提交");
    Object.assign(report, { submittedBy: caller.actor, submittedAt: new Date() });
    await followReports(tx, visit);
    await appendVisitStep(tx, visit, VisitChangeKind.REPORT_SUBMITTED, caller.actor, { department });
    return report;
  });
}

/** 审定: another person of the same department (admin or reviewer) approves, or returns it with a reason. */
export async function reviewReport(
  em: EntityManager,
  caller: Caller,
  visitId: number,
  department: string,
  approve: boolean,
  reason?: string | null,
) {
  const why = approve ? reason?.trim() || null : requireText(reason, "reason", "退回理由", 2000);
  return em.transactional(async (tx) => {
    const { visit, report } = await findReport(tx, visitId, department);
    assertReviewer(caller.identity, department, "审定本部门的抽查报告");
    if (report.submittedBy && personOf(report.submittedBy) === personOf(caller.actor))
      throw new AppError(ErrorCode.OWN_REPORT, "不能审定自己提交的报告，须由本部门的另一人审定", { reportId: report.id });
    if (approve) {
      await step(tx, report, ReportStatus.REPORTED, ReportStatus.REVIEWED, "只有已提交的报告可以审定");
      Object.assign(report, { reviewedBy: caller.actor, reviewedAt: new Date() });
    } else {
      await step(tx, report, ReportStatus.REPORTED, ReportStatus.DRAFT, "只有已提交的报告可以退回");
      report.returnReason = why;
    }
    await followReports(tx, visit);
    await appendVisitStep(tx, visit, approve ? VisitChangeKind.REPORT_REVIEWED : VisitChangeKind.REPORT_RETURNED, caller.actor, {
      department,
      reason: why,
    });
    return report;
  });
}

/** 公示: a reviewed report only; later than 20 working days after the inspection is flagged, never refused. */
export async function publishReport(em: EntityManager, caller: Caller, visitId: number, department: string) {
  return em.transactional(async (tx) => {
    const { visit, report } = await findReport(tx, visitId, department);
    assertReviewer(caller.identity, department, "公示本部门的抽查结果");
    await step(tx, report, ReportStatus.REVIEWED, ReportStatus.PUBLISHED, "只有审定后的报告才能公示", "REPORT_NOT_REVIEWED");
    const now = new Date();
    Object.assign(report, { publishedBy: caller.actor, publishedAt: now, publishedLate: chinaDateOf(now) > report.publishDueDate });
    await followReports(tx, visit);
    await proposeAfterPublish(tx, visit, report);
    await appendVisitStep(tx, visit, VisitChangeKind.REPORT_PUBLISHED, caller.actor, { department, late: report.publishedLate }, true);
    return report;
  });
}

/** 向被检查对象反馈: when and how the result was delivered (the visit's team, once the report is submitted). */
export async function recordFeedback(
  em: EntityManager,
  caller: Caller,
  visitId: number,
  department: string,
  deliveredAt: Date,
  method: string,
) {
  const how = requireText(method, "method", "反馈方式", 200);
  if (Number.isNaN(deliveredAt.getTime()) || deliveredAt.getTime() > Date.now() + 5 * 60_000)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "反馈时间无效或晚于当前时间", { field: "deliveredAt" });
  return em.transactional(async (tx) => {
    const { visit, report } = await findReport(tx, visitId, department);
    assertVisitTeam(caller.identity, visit, "记录结果反馈");
    if (report.status === ReportStatus.DRAFT)
      throw new AppError(ErrorCode.INVALID_STATE, "报告提交后才能记录向被检查对象的反馈", { reportId: report.id });
    Object.assign(report, { feedbackAt: deliveredAt, feedbackMethod: how });
    await appendVisitStep(tx, visit, VisitChangeKind.FEEDBACK_RECORDED, caller.actor, {
      department,
      method: how,
      at: deliveredAt.toISOString(),
    });
    return report;
  });
}
