import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, forbidden, Role, type Identity } from "@ssj/shared";
import { DepartmentStatus, Department } from "../departments/department.entity.js";
import { VisitChangeKind } from "../events/draw-change.type.js";
import { Evidence } from "../inspections/evidence.entity.js";
import { Finding } from "../inspections/finding.entity.js";
import { isProblem, resultCode, resultLabel } from "../inspections/result-codes.js";
import { departmentsOf, servesFor } from "../inspections/visit-access.js";
import { appendVisitStep, findVisit } from "../inspections/visit-chain.js";
import type { Caller } from "../inspections/visit-life.service.js";
import { VisitStatus, type Visit } from "../visits/visit.entity.js";
import { HandlingKind, ReferralState } from "./handling-kind.js";
import { HandlingDecision } from "./handling.entity.js";
import { handlingColumns, type HandlingFields } from "./handling.rules.js";
import { ReferralOutbox } from "./referral-outbox.entity.js";

export interface HandlingInput extends HandlingFields {
  visitId: number;
  department: string;
  matterId: string;
}

/** Handling is the department's: an inspector of it assigned to the visit, or its admin (as for findings). */
export function assertHandles(i: Identity, visit: Visit, department: string, what: string): void {
  if (!departmentsOf(visit).includes(department))
    throw new AppError(ErrorCode.WRONG_DEPARTMENT, `部门「${department}」不参加本次检查`, { visitId: visit.id, department });
  if (servesFor(i, visit, department)) return;
  if (i.role === Role.DEPARTMENT_ADMIN && i.department === department) return;
  throw forbidden(i, what, { visitId: visit.id, department });
}

const NOT_YET = [VisitStatus.SCHEDULED, VisitStatus.CANCELLED];

/**
 * 处置决定: validated, then in one transaction the decision, the visit's chain entry and — for a referral —
 * the outbox row the delivery worker sends to the receiving department. A failure leaves nothing behind.
 */
export async function recordHandling(em: EntityManager, caller: Caller, input: HandlingInput): Promise<HandlingDecision> {
  const columns = handlingColumns(input);
  return em.transactional(async (tx) => {
    const visit = await findVisit(tx, input.visitId);
    assertHandles(caller.identity, visit, input.department, "作出该事项的处置决定");
    const matter = `${input.department}:${input.matterId}`;
    const finding = await tx.findOne(Finding, { visitId: visit.id, matter });
    if (!finding || NOT_YET.includes(visit.status))
      throw new AppError(ErrorCode.NOT_FOUND, `事项 ${matter} 在本次检查中尚无检查结果，不能作出处置决定`, { matter });
    if (!isProblem(finding.result))
      throw new AppError(ErrorCode.HANDLING_NOT_NEEDED, `该事项的检查结果为「${resultLabel(finding.result)}」，未发现问题，无需处置`, {
        matter,
        result: finding.result,
      });
    if (await tx.count(HandlingDecision, { findingId: finding.id }))
      throw new AppError(ErrorCode.DUPLICATE, `事项 ${matter} 已有处置决定，不能重复作出`, { matter });
    let receiver: Department | null = null;
    if (columns.kind === HandlingKind.REFERRAL) {
      if (columns.referredTo === input.department)
        throw new AppError(ErrorCode.REFERRAL_TO_SELF, "不能移送给本部门；本部门处理请选择当场处理或立案", { field: "referredTo" });
      receiver = await tx.findOne(Department, { code: columns.referredTo!, status: DepartmentStatus.ACTIVE });
      if (!receiver)
        throw new AppError(ErrorCode.UNKNOWN_DEPARTMENT, `接收部门「${columns.referredTo}」未在本县登记或已注销，不能移送`, {
          field: "referredTo",
          department: columns.referredTo,
        });
    }
    const decision = tx.create(HandlingDecision, {
      ...columns,
      visitId: visit.id,
      findingId: finding.id,
      department: input.department,
      matter,
      uscc: visit.uscc,
      decidedBy: caller.actor,
      referralState: receiver ? ReferralState.PENDING_DELIVERY : null,
      referralStateAt: receiver ? new Date() : null,
    });
    await tx.flush();
    if (receiver) {
      const evidence = await tx.find(Evidence, { visitId: visit.id }, { orderBy: { sha256: "asc" } });
      const payload = {
        id: String(decision.id),
        fromDepartment: input.department,
        visitId: String(visit.id),
        uscc: visit.uscc,
        matter,
        resultCode: resultCode(finding.result),
        resultLabel: resultLabel(finding.result),
        finding: finding.description,
        reason: columns.note,
        evidence: evidence.map((e) => ({ sha256: e.sha256, mediaType: e.mediaType, size: e.size, fileName: e.fileName })),
        referredBy: caller.actor,
        referredAt: decision.decidedAt.toISOString(),
      };
      tx.create(ReferralOutbox, { id: decision.id, toDepartment: receiver.code, payload: JSON.stringify(payload) });
    }
    await appendVisitStep(tx, visit, VisitChangeKind.HANDLING_RECORDED, caller.actor, { matter, ...columns });
    return decision;
  });
}

/** 整改复查: the follow-up result of an on-site order, once, by the same department's people. */
export async function recordFollowUp(em: EntityManager, caller: Caller, id: number, text: string): Promise<HandlingDecision> {
  return em.transactional(async (tx) => {
    const decision = await tx.findOne(HandlingDecision, { id });
    if (!decision) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的处置决定`, { id });
    const visit = await findVisit(tx, decision.visitId);
    assertHandles(caller.identity, visit, decision.department, "记录整改复查结果");
    if (decision.kind !== HandlingKind.ON_SITE)
      throw new AppError(ErrorCode.INVALID_STATE, "只有当场处理（责令整改）的决定才有整改复查结果", { id, kind: decision.kind });
    if (decision.followUpResult !== null) throw new AppError(ErrorCode.DUPLICATE, "该决定已记录整改复查结果", { id });
    Object.assign(decision, { followUpResult: text, followedUpAt: new Date(), followedUpBy: caller.actor });
    await appendVisitStep(tx, visit, VisitChangeKind.RECTIFICATION_FOLLOWED_UP, caller.actor, { handlingId: id, followUp: text });
    return decision;
  });
}
