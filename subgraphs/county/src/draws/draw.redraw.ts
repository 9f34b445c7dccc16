import type { EntityManager } from "@mikro-orm/core";
import { accountOf, AppError, ErrorCode, requireText } from "@ssj/shared";
import { appendSigned } from "../audit/checkpoints.js";
import { DrawChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange } from "../events/draw-events.js";
import { Draw, DrawStatus, RedrawRequest } from "./draw.entity.js";
import { drawChain, drawEvent, drawLabel, findDraw, findPlan, oneWinner } from "./draw.service.js";

export async function requestRedraw(em: EntityManager, drawId: number, reason: string, actor: string): Promise<RedrawRequest> {
  const why = requireText(reason, "reason", "重摇原因", 2000);
  if (why.length < 4) throw new AppError(ErrorCode.BAD_USER_INPUT, "重摇原因须写明理由（至少 4 个字）", { field: "reason" });
  return em.transactional(async (tx) => {
    const draw = await findDraw(tx, drawId);
    if (draw.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}已被取代`, { drawId });
    if (draw.status === DrawStatus.CANCELLED)
      throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}已撤销，可为计划新建摇号任务`, { drawId });
    if (await tx.count(RedrawRequest, { drawId, approvedAt: null }))
      throw new AppError(ErrorCode.DUPLICATE, "该摇号任务已有待批准的重摇申请", { drawId });
    const request = tx.create(RedrawRequest, { drawId, reason: why, requestedBy: actor });
    await tx.flush();
    await appendSigned(tx, drawChain(drawId), "REDRAW_REQUESTED", actor, { requestId: request.id, reason: why }, { status: draw.status });
    return request;
  });
}

/** A redraw takes effect only when a different person approves it; the first draw stays public, superseded. */
export async function approveRedraw(em: EntityManager, requestId: number, actor: string): Promise<Draw> {
  const lost = () => new AppError(ErrorCode.INVALID_STATE, "该重摇申请已由他人同时批准", { field: "requestId" });
  return oneWinner(lost, () => approveRedrawOnce(em, requestId, actor));
}

async function approveRedrawOnce(em: EntityManager, requestId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    const request = await tx.findOne(RedrawRequest, { id: requestId });
    if (!request) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${requestId} 的重摇申请`, { field: "requestId" });
    if (request.approvedAt) throw new AppError(ErrorCode.INVALID_STATE, "该重摇申请已经批准", { field: "requestId" });
    if (accountOf(request.requestedBy) === accountOf(actor))
      throw new AppError(ErrorCode.SAME_PERSON, "重摇须由申请人以外的另一人批准", { field: "requestId" });
    const old = await findDraw(tx, request.drawId);
    if (old.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(old)}已被取代`, { drawId: old.id });
    const next = tx.create(Draw, {
      planId: old.planId,
      sequence: old.sequence + 1,
      status: DrawStatus.CREATED,
      createdBy: request.requestedBy,
      redrawReason: request.reason,
      approvedBy: actor,
    });
    await tx.flush();
    old.supersededAt = new Date();
    old.supersededById = next.id;
    request.approvedBy = actor;
    request.approvedAt = old.supersededAt;
    request.newDrawId = next.id;
    await tx.flush();
    await appendSigned(
      tx,
      drawChain(old.id),
      "DRAW_SUPERSEDED",
      actor,
      { requestId, by: next.id, reason: request.reason },
      { status: old.status, supersededBy: next.id },
    );
    const plan = await findPlan(tx, old.planId);
    recordDrawChange(tx, DrawChangeKind.SUPERSEDED, drawEvent(plan, old));
    recordDrawChange(tx, DrawChangeKind.CREATED, drawEvent(plan, next));
    await appendSigned(
      tx,
      drawChain(next.id),
      "DRAW_CREATED",
      actor,
      {
        planId: old.planId,
        sequence: next.sequence,
        replaces: old.id,
        reason: request.reason,
        requestedBy: request.requestedBy,
        approvedBy: actor,
      },
      { status: next.status },
    );
    return next;
  });
}
