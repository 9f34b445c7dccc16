import type { EntityManager } from "@mikro-orm/core";
import { AppError, appendAudit, AuditEvent, digestOf, ErrorCode, verifyChain } from "@ssj/shared";
import { Draw, DrawStatus } from "../draws/draw.entity.js";
import type { VisitChangeKind } from "../events/draw-change.type.js";
import { recordVisitChange } from "../events/draw-events.js";
import { Visit, VisitStatus } from "../visits/visit.entity.js";
import { Evidence } from "./evidence.entity.js";
import { Finding } from "./finding.entity.js";
import { HandlingDecision } from "../handling/handling.entity.js";
import { OnSiteRecord } from "./on-site.entity.js";
import { InspectionReport } from "./report.entity.js";
import { departmentsOf, inspectorsOf } from "./visit-access.js";

/** Each visit has its own hash chain, built as the draw's (docs/draw-record.md): `visit:<id>`. */
export const visitChain = (id: number) => `visit:${id}`;

/**
 * What the chain's state digest covers: every stored fact of the visit's inspection, without
 * timestamps (they round differently per database). Editing a finding, report or evidence row behind
 * the service's back makes the recomputed digest differ from the chain's last one.
 */
export async function visitState(em: EntityManager, visit: Visit) {
  const [onSite, findings, evidence, reports, handling] = await Promise.all([
    em.findOne(OnSiteRecord, { visitId: visit.id }),
    em.find(Finding, { visitId: visit.id }, { orderBy: { matter: "asc" } }),
    em.find(Evidence, { visitId: visit.id }, { orderBy: { sha256: "asc" } }),
    em.find(InspectionReport, { visitId: visit.id }, { orderBy: { department: "asc" } }),
    em.find(HandlingDecision, { visitId: visit.id }, { orderBy: { id: "asc" } }),
  ]);
  return {
    status: visit.status,
    onSite: onSite && {
      present: onSite.present,
      certificatesShown: onSite.certificatesShown,
      noticeNumber: onSite.noticeNumber,
      outcome: onSite.outcome,
      endDate: onSite.endDate,
      cancelReason: onSite.cancelReason,
      cancelApprovedBy: onSite.cancelApprovedBy,
    },
    findings: findings.map((f) => [f.matter, f.result, f.description, f.recordedBy]),
    evidence: evidence.map((e) => [e.sha256, e.size, e.mediaType]),
    reports: reports.map((r) => [
      r.department,
      r.status,
      r.inspectionTime,
      r.content,
      r.steps,
      r.findings,
      r.evaluation,
      r.handling,
      r.dueDate,
      r.submittedBy,
      r.reviewedBy,
      r.publishedBy,
    ]),
    // Added with handling (issue #12): absent from the digests of visits that have no decision, so older chains still verify.
    ...(handling.length > 0
      ? {
          handling: handling.map((h) => [
            h.matter,
            h.kind,
            h.orderedAction,
            h.rectificationDeadline,
            h.followUpResult,
            h.caseNumber,
            h.decisionDate,
            h.referredTo,
            h.receivingOrgan,
            h.documentNumber,
            h.note,
            h.decidedBy,
          ]),
        }
      : {}),
  };
}

/** Appends a step to the visit's chain (with the digest of its state after the step) and records its event. */
export async function appendVisitStep(
  tx: EntityManager,
  visit: Visit,
  kind: VisitChangeKind,
  actor: string,
  payload: Record<string, unknown>,
  publicEvent = false,
): Promise<void> {
  await tx.flush();
  await appendAudit(tx, visitChain(visit.id), kind, actor, payload, await visitState(tx, visit));
  // an unplanned inspection (no draw) is never public through events
  const draw = visit.drawId === null ? null : await tx.findOneOrFail(Draw, { id: visit.drawId }, { fields: ["status"] });
  recordVisitChange(tx, kind, visit.id, {
    planId: visit.planId ?? 0,
    drawId: visit.drawId ?? 0,
    departments: departmentsOf(visit),
    inspectors: inspectorsOf(visit),
    published: publicEvent && draw?.status === DrawStatus.PUBLISHED,
  });
}

/** Recomputes the chain and compares the stored rows with its last state digest. */
export async function verifyVisit(em: EntityManager, visit: Visit) {
  const chain = await verifyChain(em, visitChain(visit.id));
  const last = await em.findOne(AuditEvent, { chain: visitChain(visit.id) }, { orderBy: { seq: "desc" } });
  const dataMatches = last === null || last.stateDigest === digestOf(await visitState(em, visit));
  return { chainValid: chain.ok, brokenAt: chain.brokenAt, length: chain.length, dataMatches, ok: chain.ok && dataMatches };
}

/**
 * Moves the visit from one of `from` to `to` with a guarded UPDATE (… WHERE status IN from), so two
 * concurrent steps cannot both pass: the loser gets INVALID_STATE and its transaction rolls back.
 */
export async function transition(tx: EntityManager, visit: Visit, from: VisitStatus[], to: VisitStatus, refusal: string): Promise<void> {
  if (!from.includes(visit.status)) throw invalidState(visit, refusal);
  const n = await tx.nativeUpdate(Visit, { id: visit.id, status: { $in: from } }, { status: to });
  if (n !== 1) throw invalidState(visit, refusal);
  visit.status = to; // the unit of work writes the same value again at the next flush: harmless
}

const STATUS_LABEL: Record<VisitStatus, string> = {
  SCHEDULED: "待检查",
  IN_PROGRESS: "检查中",
  INSPECTED: "已检查",
  REPORTED: "报告已提交",
  REVIEWED: "报告已审定",
  PUBLISHED: "结果已公示",
  UNREACHABLE: "无法联系",
  REFUSED: "不配合检查",
  CANCELLED: "已取消",
};

export function invalidState(visit: Visit, refusal: string): AppError {
  return new AppError(ErrorCode.INVALID_STATE, `${refusal}（该检查当前状态：${STATUS_LABEL[visit.status]}）`, {
    visitId: visit.id,
    status: visit.status,
  });
}

/** The visit, or NOT_FOUND. */
export async function findVisit(em: EntityManager, id: number): Promise<Visit> {
  const visit = await em.findOne(Visit, { id });
  if (!visit) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的检查`, { visitId: id });
  return visit;
}
