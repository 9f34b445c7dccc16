import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, requireText } from "@ssj/shared";
import { VisitChangeKind } from "../events/draw-change.type.js";
import { VisitStatus, type Visit } from "../visits/visit.entity.js";
import { notifyIfDrawInspected } from "./draw-inspected.js";
import { OnSiteRecord } from "./on-site.entity.js";
import { assertMayCancel } from "./visit-access.js";
import { appendVisitStep, findVisit, invalidState, transition } from "./visit-chain.js";
import type { Caller } from "./visit-life.service.js";

const OPEN = [VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS];

/** Asks to cancel a visit that has not ended, with a written reason; takes effect on another person's approval (as a redraw). */
export async function requestCancellation(em: EntityManager, caller: Caller, visitId: number, reason: string): Promise<Visit> {
  const why = requireText(reason, "reason", "取消原因", 2000);
  if (why.length < 4) throw new AppError(ErrorCode.BAD_USER_INPUT, "取消原因须写明理由（至少 4 个字）", { field: "reason" });
  return em.transactional(async (tx) => {
    const visit = await findVisit(tx, visitId);
    assertMayCancel(caller.identity, visit, "申请取消检查");
    if (!OPEN.includes(visit.status)) throw invalidState(visit, "只有尚未结束的检查可以取消");
    const onSite = (await tx.findOne(OnSiteRecord, { visitId })) ?? tx.create(OnSiteRecord, { visitId });
    if (onSite.cancelRequestedBy) throw new AppError(ErrorCode.DUPLICATE, "该检查已有待批准的取消申请", { visitId });
    Object.assign(onSite, { cancelRequestedBy: caller.actor, cancelReason: why });
    await appendVisitStep(tx, visit, VisitChangeKind.CANCELLATION_REQUESTED, caller.actor, { reason: why });
    return visit;
  });
}

export async function approveCancellation(em: EntityManager, caller: Caller, visitId: number): Promise<Visit> {
  return em.transactional(async (tx) => {
    const visit = await findVisit(tx, visitId);
    assertMayCancel(caller.identity, visit, "批准取消检查");
    const onSite = await tx.findOne(OnSiteRecord, { visitId });
    if (!onSite?.cancelRequestedBy) throw new AppError(ErrorCode.NOT_FOUND, "该检查没有待批准的取消申请", { visitId });
    if (onSite.cancelRequestedBy === caller.actor)
      throw new AppError(ErrorCode.SAME_PERSON, "取消检查须由申请人以外的另一人批准", { visitId });
    await transition(tx, visit, OPEN, VisitStatus.CANCELLED, "只有尚未结束的检查可以取消");
    onSite.cancelApprovedBy = caller.actor;
    await appendVisitStep(tx, visit, VisitChangeKind.CANCELLED, caller.actor, {
      reason: onSite.cancelReason,
      requestedBy: onSite.cancelRequestedBy,
    });
    await notifyIfDrawInspected(tx, visit.drawId);
    return visit;
  });
}
