import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, requireText } from "@ssj/shared";
import { appendSigned } from "../audit/checkpoints.js";
import { isPublicDraw } from "../access.js";
import { DrawChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange } from "../events/draw-events.js";
import { Draw, DrawStatus } from "./draw.entity.js";
import { drawChain, drawLabel, findDraw, findPlan } from "./draw.service.js";

/** States in which a draw may still be cancelled: nobody can know its seed yet. */
const CANCELLABLE = [DrawStatus.CREATED, DrawStatus.FROZEN];

/** A written reason of at least 4 characters, as for a redraw. */
export function cancelReasonOf(reason: string, what: string): string {
  const why = requireText(reason, "reason", `${what}理由`, 2000);
  if (why.length < 4) throw new AppError(ErrorCode.BAD_USER_INPUT, `${what}须写明理由（至少 4 个字）`, { field: "reason" });
  return why;
}

/**
 * Cancels a draw before its ceremony value: once a seed exists anyone who dislikes the result could
 * "cancel" it, so from SEEDED on only an approved redraw replaces a draw (docs/rules.md). A cancelled draw
 * stays visible with its reason, and the plan may get a new draw.
 */
export async function cancelDrawIn(tx: EntityManager, draw: Draw, why: string, actor: string): Promise<Draw> {
  if (draw.supersededAt || !CANCELLABLE.includes(draw.status)) {
    throw new AppError(
      ErrorCode.INVALID_STATE,
      `${drawLabel(draw)}当前为 ${draw.supersededAt ? "已被取代" : draw.status}；录入现场随机值之后不能撤销，只能申请重摇（须另一人批准）`,
      { drawId: draw.id, status: draw.status },
    );
  }
  const from = draw.status;
  const changes = { status: DrawStatus.CANCELLED, cancelledAt: new Date(), cancelledBy: actor, cancelReason: why };
  const n = await tx.nativeUpdate(Draw, { id: draw.id, status: from, supersededAt: null }, changes);
  if (n !== 1) throw new AppError(ErrorCode.INVALID_STATE, "摇号任务的状态已被他人改变，请刷新后重试", { drawId: draw.id });
  Object.assign(draw, changes);
  await appendSigned(tx, drawChain(draw.id), "DRAW_CANCELLED", actor, { reason: why, from }, { status: draw.status });
  const plan = await findPlan(tx, draw.planId);
  recordDrawChange(tx, DrawChangeKind.CANCELLED, {
    planId: plan.id,
    drawId: draw.id,
    departments: plan.departments,
    published: isPublicDraw(draw),
  });
  return draw;
}

export async function cancelDraw(em: EntityManager, drawId: number, reason: string, actor: string): Promise<Draw> {
  const why = cancelReasonOf(reason, "撤销摇号任务");
  return em.transactional(async (tx) => cancelDrawIn(tx, await findDraw(tx, drawId), why, actor));
}
