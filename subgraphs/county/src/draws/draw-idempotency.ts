import type { EntityManager } from "@mikro-orm/core";
import { runOnce } from "@ssj/shared";
import type { CountyContext } from "../context.js";
import { Draw, RedrawRequest } from "./draw.entity.js";

/**
 * Idempotency keys of the draw mutations (see `runOnce` in the shared package): how each step finds,
 * inside its committing transaction, the id of what it produced, and how a retry reads it again.
 */
async function idOf(tx: EntityManager, ctx: unknown, sql: string, params: unknown[]): Promise<string> {
  const row = (await tx.getConnection().execute(sql, params, "get", ctx as never)) as { id: number | string } | undefined;
  if (row?.id == null) throw new Error(`idempotency: no result for ${sql}`);
  return String(row.id);
}

const drawById = (ctx: CountyContext) => (id: string) => ctx.em.fork().findOneOrFail(Draw, { id: Number(id) });

/** A step of an existing draw: the result is that draw. */
export function drawStepOnce(
  ctx: CountyContext,
  key: string | null | undefined,
  operation: string,
  drawId: number,
  run: () => Promise<Draw>,
) {
  return runOnce(ctx.em, key, operation, ctx.actor, run, async () => String(drawId), drawById(ctx));
}

/** createDraw: the plan's newest draw (a cancelled draw may precede it). */
export function createDrawOnce(ctx: CountyContext, key: string | null | undefined, planId: number, run: () => Promise<Draw>) {
  const result = (tx: EntityManager, c: unknown) => idOf(tx, c, "select max(id) as id from draw where plan_id = ?", [planId]);
  return runOnce(ctx.em, key, "createDraw", ctx.actor, run, result, drawById(ctx));
}

/** requestRedraw: the request just written (the newest of the draw in this transaction). */
export function requestRedrawOnce(ctx: CountyContext, key: string | null | undefined, drawId: number, run: () => Promise<RedrawRequest>) {
  const result = (tx: EntityManager, c: unknown) => idOf(tx, c, "select max(id) as id from redraw_request where draw_id = ?", [drawId]);
  return runOnce(ctx.em, key, "requestRedraw", ctx.actor, run, result, (id) =>
    ctx.em.fork().findOneOrFail(RedrawRequest, { id: Number(id) }),
  );
}

/** approveRedraw: the new draw the approval created. */
export function approveRedrawOnce(ctx: CountyContext, key: string | null | undefined, requestId: number, run: () => Promise<Draw>) {
  const result = (tx: EntityManager, c: unknown) => idOf(tx, c, "select new_draw_id as id from redraw_request where id = ?", [requestId]);
  return runOnce(ctx.em, key, "approveRedraw", ctx.actor, run, result, drawById(ctx));
}
