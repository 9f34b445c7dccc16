import type { EntityManager } from "@mikro-orm/core";
import { AppError, appendAudit, ErrorCode } from "@ssj/shared";
import type { DepartmentClient } from "../departments/department-client.js";
import { cancelDrawIn, cancelReasonOf } from "../draws/draw.cancel.js";
import { Draw, DrawStatus } from "../draws/draw.entity.js";
import { drawLabel } from "../draws/draw.service.js";
import { Plan, PlanStatus } from "./plan.entity.js";
import type { PlanInput } from "./plan.input.js";
import { planFields, planSummary } from "./plan.service.js";

export async function findPlan(em: EntityManager, id: number): Promise<Plan> {
  const plan = await em.findOne(Plan, { id });
  if (!plan) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的抽查计划`, { field: "planId" });
  return plan;
}

/** The plan's draws that still count: neither cancelled nor superseded. */
const liveDraws = (em: EntityManager, planId: number) =>
  em.find(Draw, { planId, supersededAt: null, status: { $ne: DrawStatus.CANCELLED } }, { orderBy: { id: "asc" } });

function assertActive(plan: Plan, action: string): void {
  if (plan.status === PlanStatus.CANCELLED)
    throw new AppError(ErrorCode.INVALID_STATE, `计划「${plan.name}」已撤销，不能${action}`, { field: "planId" });
}

/**
 * Corrects a plan until its pools are frozen: with no draw yet, or a draw still CREATED (which then
 * freezes the corrected plan). After the freeze the digests are public and the plan is what they vouch
 * for; a wrong plan is then cancelled or redrawn, never edited. Lead department and kind stay.
 */
export async function updatePlan(em: EntityManager, client: DepartmentClient, id: number, input: PlanInput, actor: string): Promise<Plan> {
  const before = await findPlan(em, id);
  assertActive(before, "修改");
  const fields = await planFields(em, client, input);
  if (fields.leadDepartment !== before.leadDepartment || fields.kind !== before.kind) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "发起部门和计划类型不能修改；如需更换，请撤销本计划后重新制定", {
      field: fields.leadDepartment !== before.leadDepartment ? "leadDepartment" : "cooperatingDepartments",
    });
  }
  return em.transactional(async (tx) => {
    const plan = await findPlan(tx, id);
    const frozen = (await liveDraws(tx, id)).find((d) => d.status !== DrawStatus.CREATED);
    if (frozen) {
      throw new AppError(
        ErrorCode.PLAN_FROZEN,
        `${drawLabel(frozen)}已冻结名录（${frozen.status}），计划不能再修改；冻结后只能撤销摇号任务（录入现场随机值之前）或申请重摇`,
        { drawId: frozen.id },
      );
    }
    const old = planSummary(plan);
    Object.assign(plan, fields, { updatedAt: new Date(), updatedBy: actor });
    await tx.flush();
    const now = planSummary(plan);
    const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(now[k]));
    await appendAudit(
      tx,
      `plan:${plan.id}`,
      "PLAN_UPDATED",
      actor,
      { changed: Object.fromEntries(changed.map((k) => [k, { from: old[k], to: now[k] }])) },
      plan,
    );
    return plan;
  });
}

/**
 * Cancels a plan with a written reason; it stays visible as cancelled. Its draw is cancelled with it
 * if the ceremony value has not been entered; after that, the draw stands (redraw rules apply).
 */
export async function cancelPlan(em: EntityManager, id: number, reason: string, actor: string): Promise<Plan> {
  const why = cancelReasonOf(reason, "撤销计划");
  return em.transactional(async (tx) => {
    const plan = await findPlan(tx, id);
    assertActive(plan, "再次撤销");
    const draws = await liveDraws(tx, id);
    const seeded = draws.find((d) => d.status !== DrawStatus.CREATED && d.status !== DrawStatus.FROZEN);
    if (seeded) {
      throw new AppError(
        ErrorCode.INVALID_STATE,
        `${drawLabel(seeded)}已录入现场随机值（${seeded.status}），计划不能撤销；摇号结果只能经重摇程序取代`,
        { drawId: seeded.id },
      );
    }
    for (const d of draws) await cancelDrawIn(tx, d, `计划撤销：${why}`, actor);
    Object.assign(plan, { status: PlanStatus.CANCELLED, cancelledAt: new Date(), cancelledBy: actor, cancelReason: why });
    await tx.flush();
    await appendAudit(tx, `plan:${plan.id}`, "PLAN_CANCELLED", actor, { reason: why, draws: draws.map((d) => d.id) }, plan);
    return plan;
  });
}
