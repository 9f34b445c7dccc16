// The draw's shared load/guard helpers, and its creation and publication; the other steps have a file each:
// draw.freeze.ts, ceremony/, draw.execute.ts, draw.cancel.ts, draw.redraw.ts.
import { UniqueConstraintViolationException, type EntityManager } from "@mikro-orm/core";
import { DrawEngineError } from "@ssj/draw-engine";
import { AppError, digestOf, ErrorCode, serialize } from "@ssj/shared";
import { isPublicDraw } from "../access.js";
import { appendSigned } from "../audit/checkpoints.js";
import { DrawChangeKind, VisitChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange, recordVisitChange } from "../events/draw-events.js";
import { Disclosure, Plan, PlanStatus } from "../plans/plan.entity.js";
import type { Visit } from "../visits/visit.entity.js";
import { Draw, DrawRecordRow, DrawStatus } from "./draw.entity.js";
import { drawnVisits } from "./drawn-visits.js";
import { loadViewDigest } from "./public-view.js";
import { isLargeDraw, releaseMemory } from "./release-memory.js";
import { turn } from "./turn.js";

export const drawChain = (id: number) => `draw:${id}`;

/** What visit events say about their draw (see events/draw-events.ts). */
export const eventData = (plan: Plan, draw: Draw) => ({
  planId: plan.id,
  drawId: draw.id,
  departments: plan.departments,
  published: draw.status === DrawStatus.PUBLISHED,
});

/** What draw events say: the public follows a draw from its freeze on. */
export const drawEvent = (plan: Plan, draw: Draw) => ({ ...eventData(plan, draw), published: isPublicDraw(draw) });

/** How messages name a draw: by the id the user typed, and which draw of its plan it is. */
export const drawLabel = (draw: Pick<Draw, "id" | "sequence">) => `摇号任务 ${draw.id}（该计划第 ${draw.sequence} 次摇号）`;

export async function findDraw(em: EntityManager, id: number): Promise<Draw> {
  const d = await em.findOne(Draw, { id });
  if (!d) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的摇号任务`, { field: "drawId" });
  return d;
}

export async function findPlan(em: EntityManager, id: number): Promise<Plan> {
  const p = await em.findOne(Plan, { id });
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的抽查计划`, { field: "planId" });
  return p;
}

export function expect(draw: Draw, status: DrawStatus, action: string): void {
  if (draw.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}已被重摇取代，不能${action}`, { drawId: draw.id });
  if (draw.status !== status) {
    throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}当前为 ${draw.status}，只有 ${status} 状态才能${action}`, {
      drawId: draw.id,
      status: draw.status,
    });
  }
}

/** Moves the draw from one state to the next inside the transaction, refusing if someone else moved it first. */
export async function advance(tx: EntityManager, draw: Draw, from: DrawStatus, changes: Partial<Draw>): Promise<void> {
  const n = await tx.nativeUpdate(Draw, { id: draw.id, status: from, supersededAt: null }, changes);
  if (n !== 1) throw new AppError(ErrorCode.INVALID_STATE, "摇号任务的状态已被他人改变，请刷新后重试", { drawId: draw.id });
  Object.assign(draw, changes);
}

/** One draw per task: a plan gets its first draw here; any further draw goes through a redraw request. */
export async function createDraw(em: EntityManager, planId: number, actor: string): Promise<Draw> {
  const lost = () => new AppError(ErrorCode.ONE_DRAW_PER_TASK, "该计划的摇号任务已由他人同时创建；请刷新后查看", { planId });
  return oneWinner(lost, () => createDrawOnce(em, planId, actor));
}

/** Losers of a race to insert the same (plan, sequence) are refused as if they had come second. */
export async function oneWinner<T>(lost: () => AppError, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw lost();
    throw e;
  }
}

async function createDrawOnce(em: EntityManager, planId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    // one open draw per plan: the check below and the insert must not interleave with another caller's
    await serialize(tx, `plan:${planId}:draw`);
    const plan = await findPlan(tx, planId);
    if (plan.status === PlanStatus.CANCELLED)
      throw new AppError(ErrorCode.INVALID_STATE, `计划「${plan.name}」已撤销，不能摇号`, { field: "planId" });
    const current = await tx.findOne(Draw, { planId: plan.id, supersededAt: null, status: { $ne: DrawStatus.CANCELLED } });
    if (current) {
      throw new AppError(
        ErrorCode.ONE_DRAW_PER_TASK,
        `计划「${plan.name}」已有${drawLabel(current)}；冻结前可撤销（cancelDraw），之后重摇须写明原因并经另一人批准`,
        { drawId: current.id },
      );
    }
    // a draw cancelled before its ceremony stays on record; the next one counts on from it
    const sequence = (await tx.count(Draw, { planId: plan.id })) + 1;
    const draw = tx.create(Draw, { planId: plan.id, sequence, status: DrawStatus.CREATED, createdBy: actor });
    await tx.flush();
    await appendSigned(tx, drawChain(draw.id), "DRAW_CREATED", actor, { planId: plan.id, sequence }, { status: draw.status });
    recordDrawChange(tx, DrawChangeKind.CREATED, drawEvent(plan, draw));
    return draw;
  });
}

/** Engine refusals become GraphQL errors with the engine's code and details. */
export function engineError(e: unknown): Error {
  if (e instanceof DrawEngineError)
    return new AppError(e.code, e.message, { details: (e as unknown as { details?: unknown }).details ?? null });
  return e as Error;
}

/** The state of a drawn draw that the audit chain vouches for: the record and every visit. */
export function drawState(record: string, visits: Pick<Visit, "id" | "uscc" | "ticket" | "matters" | "inspectors" | "experts">[]) {
  return { record: digestOf(record), visits: visits.map((v) => [v.id, v.uscc, v.ticket, v.matters, v.inspectors, v.experts]) };
}

export async function publishDraw(em: EntityManager, drawId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    const draw = await findDraw(tx, drawId);
    expect(draw, DrawStatus.DRAWN, "公开");
    await advance(tx, draw, DrawStatus.DRAWN, { status: DrawStatus.PUBLISHED, publishedAt: new Date() });
    const row = await tx.findOneOrFail(DrawRecordRow, { drawId });
    const visits = await drawnVisits(tx, drawId);
    const plan = await findPlan(tx, draw.planId);
    // execute's leftovers go before the committed pool is read back (release-memory.ts)
    releaseMemory(isLargeDraw(draw));
    // the event loop runs between the steps of a large publish (turn.ts)
    await turn();
    // The public view's SHA-256, signed into the chain now: an AFTER_WINDOW plan publishes the view itself later (disclosure.ts).
    const viewDigest = await loadViewDigest(tx, drawId, row.record);
    await appendSigned(
      tx,
      drawChain(drawId),
      "DRAW_PUBLISHED",
      actor,
      { visits: visits.length, disclosure: plan.disclosure, viewDigest },
      drawState(row.record, visits),
    );
    recordDrawChange(tx, DrawChangeKind.PUBLISHED, drawEvent(plan, draw));
    await turn();
    // AFTER_WINDOW: the public is not told which subjects will be visited (docs/draw-record.md, "Disclosure")
    const visitsPublic = plan.disclosure !== Disclosure.AFTER_WINDOW;
    for (const v of visits)
      recordVisitChange(tx, VisitChangeKind.PUBLISHED, v.id, {
        ...eventData(plan, draw),
        published: visitsPublic,
        departments: v.departmentsKey.split("|").filter(Boolean),
        inspectors: Object.values(v.inspectors).flat(),
      });
    return draw;
  });
}
