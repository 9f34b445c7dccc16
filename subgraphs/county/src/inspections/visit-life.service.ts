import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, requireText, type Identity } from "@ssj/shared";
import { chinaDateOf } from "@ssj/working-days";
import { VisitChangeKind } from "../events/draw-change.type.js";
import { Visit, VisitStatus } from "../visits/visit.entity.js";
import { notifyIfDrawInspected } from "./draw-inspected.js";
import { Finding } from "./finding.entity.js";
import { OnSiteRecord } from "./on-site.entity.js";
import { draftReports } from "./report-draft.js";
import { InspectionResult } from "./result-codes.js";
import { assertDepartmentInspector, assertVisitTeam, departmentsOf, inspectorsOf } from "./visit-access.js";
import { appendVisitStep, findVisit, invalidState, transition } from "./visit-chain.js";
import { VisitOutcome } from "./visit-outcome.js";

export interface Caller {
  identity: Identity;
  actor: string;
}

export interface StartVisitInput {
  visitId: number;
  present: string[];
  certificatesShown: boolean;
  noticeNumber: string;
}

async function onSiteOf(tx: EntityManager, visitId: number): Promise<OnSiteRecord> {
  return (await tx.findOne(OnSiteRecord, { visitId })) ?? tx.create(OnSiteRecord, { visitId });
}

/** 开始检查: the inspectors actually present (≥ 2, ≥ 1 per department), certificates shown, the notice served. */
export async function startVisit(em: EntityManager, caller: Caller, input: StartVisitInput): Promise<Visit> {
  const notice = requireText(input.noticeNumber, "noticeNumber", "检查通知书编号", 100);
  return em.transactional(async (tx) => {
    const visit = await findVisit(tx, input.visitId);
    const { onBehalf } = assertVisitTeam(caller.identity, visit, "开始本次检查");
    if (visit.status !== VisitStatus.SCHEDULED) throw invalidState(visit, "检查已经开始或已结束，不能再次开始");
    const present = [...new Set(input.present)];
    const assigned = inspectorsOf(visit);
    const stranger = present.find((p) => !assigned.includes(p));
    if (stranger)
      throw new AppError(ErrorCode.NOT_ON_VISIT, `执法人员 ${stranger} 未被分配到本次检查，不能作为在场人员`, {
        field: "present",
        value: stranger,
      });
    if (present.length < 2) throw new AppError(ErrorCode.TOO_FEW_INSPECTORS, "现场检查须有至少 2 名执法人员在场", { field: "present" });
    // present for the department they serve on this visit: a borrowed inspector (跨区域) keeps their own directory's id
    const missing = departmentsOf(visit).filter((d) => !present.some((p) => (visit.inspectors[d] ?? []).includes(p)));
    if (missing.length)
      throw new AppError(ErrorCode.DEPARTMENT_NOT_PRESENT, `以下部门没有执法人员在场：${missing.join("、")}（每个参加部门至少 1 名）`, {
        field: "present",
        departments: missing,
      });
    if (!input.certificatesShown)
      throw new AppError(ErrorCode.CERTIFICATES_NOT_SHOWN, "检查前须向被检查对象出示执法证件", { field: "certificatesShown" });
    await transition(tx, visit, [VisitStatus.SCHEDULED], VisitStatus.IN_PROGRESS, "检查已经开始或已结束，不能再次开始");
    const onSite = await onSiteOf(tx, visit.id);
    Object.assign(onSite, { startedAt: new Date(), startedBy: caller.actor, present, certificatesShown: true, noticeNumber: notice });
    await appendVisitStep(tx, visit, VisitChangeKind.STARTED, caller.actor, { present, noticeNumber: notice, onBehalf });
    return visit;
  });
}

export interface FindingInput {
  visitId: number;
  department: string;
  matterId: string;
  result: InspectionResult;
  description: string;
}

/** 录入检查结果: one per matter, by an inspector of the matter's department; recorded again replaces it. */
export async function recordFinding(em: EntityManager, caller: Caller, input: FindingInput): Promise<Finding> {
  const description = requireText(input.description, "description", "情况描述", 5000);
  return em.transactional(async (tx) => {
    const visit = await findVisit(tx, input.visitId);
    const matter = `${input.department}:${input.matterId}`;
    if (!visit.matters.includes(matter))
      throw new AppError(ErrorCode.MATTER_NOT_ON_VISIT, `事项 ${matter} 不在本次检查的事项中`, { field: "matterId", value: matter });
    assertDepartmentInspector(caller.identity, visit, input.department, "录入该事项的检查结果");
    if (visit.status !== VisitStatus.IN_PROGRESS)
      throw new AppError(ErrorCode.INVALID_STATE, "只有检查中的检查才能录入结果（请先开始检查）", {
        visitId: visit.id,
        status: visit.status,
      });
    const existing = await tx.findOne(Finding, { visitId: visit.id, matter });
    const finding =
      existing ??
      tx.create(Finding, {
        visitId: visit.id,
        department: input.department,
        matter,
        result: input.result,
        description,
        recordedBy: caller.actor,
      });
    Object.assign(finding, { result: input.result, description, recordedBy: caller.actor, recordedAt: new Date() });
    await appendVisitStep(tx, visit, VisitChangeKind.FINDING_RECORDED, caller.actor, { matter, result: input.result, description });
    return finding;
  });
}

/** 结束检查: only when every matter has a finding; drafts each department's report with its due dates. */
export async function endVisit(em: EntityManager, caller: Caller, visitId: number): Promise<Visit> {
  return em.transactional(async (tx) => {
    const visit = await findVisit(tx, visitId);
    assertVisitTeam(caller.identity, visit, "结束本次检查");
    const findings = await tx.find(Finding, { visitId });
    const lacking = visit.matters.filter((m) => !findings.some((f) => f.matter === m));
    if (visit.status === VisitStatus.IN_PROGRESS && lacking.length)
      throw new AppError(ErrorCode.FINDINGS_MISSING, `以下事项尚未录入检查结果，不能结束检查：${lacking.join("、")}`, { matters: lacking });
    await transition(tx, visit, [VisitStatus.IN_PROGRESS], VisitStatus.INSPECTED, "只有检查中的检查才能结束");
    await close(tx, caller, visit, VisitOutcome.COMPLETED, null, findings);
    await appendVisitStep(tx, visit, VisitChangeKind.INSPECTED, caller.actor, {});
    await notifyIfDrawInspected(tx, visit.drawId);
    return visit;
  });
}

/** 无法联系 / 不配合检查: every matter gets that result, the reports follow as for an inspected visit. */
export async function closeWithoutInspection(
  em: EntityManager,
  caller: Caller,
  visitId: number,
  outcome: VisitOutcome.UNREACHABLE | VisitOutcome.REFUSED,
  note: string,
): Promise<Visit> {
  const what = requireText(note, "note", "情况说明", 5000);
  return em.transactional(async (tx) => {
    const visit = await findVisit(tx, visitId);
    assertVisitTeam(caller.identity, visit, "记录检查结果");
    const to = outcome === VisitOutcome.UNREACHABLE ? VisitStatus.UNREACHABLE : VisitStatus.REFUSED;
    await transition(tx, visit, [VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS], to, "该检查已结束或已取消");
    const result = outcome === VisitOutcome.UNREACHABLE ? InspectionResult.UNREACHABLE : InspectionResult.REFUSED_SERIOUS;
    const findings: Finding[] = [];
    for (const matter of visit.matters) {
      const f =
        (await tx.findOne(Finding, { visitId, matter })) ??
        tx.create(Finding, {
          visitId,
          matter,
          department: matter.slice(0, matter.indexOf(":")),
          result,
          description: what,
          recordedBy: caller.actor,
        });
      Object.assign(f, { result, description: what, recordedBy: caller.actor });
      findings.push(f);
    }
    await close(tx, caller, visit, outcome, what, findings);
    await appendVisitStep(
      tx,
      visit,
      outcome === VisitOutcome.UNREACHABLE ? VisitChangeKind.UNREACHABLE : VisitChangeKind.REFUSED,
      caller.actor,
      { note: what },
    );
    await notifyIfDrawInspected(tx, visit.drawId);
    return visit;
  });
}

async function close(tx: EntityManager, caller: Caller, visit: Visit, outcome: VisitOutcome, note: string | null, findings: Finding[]) {
  const onSite = await onSiteOf(tx, visit.id);
  const endedAt = new Date();
  Object.assign(onSite, { endedAt, endedBy: caller.actor, outcome, outcomeNote: note, endDate: chinaDateOf(endedAt) });
  await draftReports(tx, visit, onSite, findings);
}
