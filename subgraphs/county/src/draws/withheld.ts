import type { CountyContext } from "../context.js";
import { seesAll, takesPart } from "../access.js";
import { Plan } from "../plans/plan.entity.js";
import type { Draw } from "./draw.entity.js";
import { isDisclosed } from "./disclosure.js";

/**
 * True when the caller is outside the draw (the public, or staff of departments not taking part) and
 * the plan withholds the full record (AFTER_WINDOW) until its window ends or every visit is inspected.
 */
export async function withheldFrom(ctx: CountyContext, draw: Draw): Promise<boolean> {
  const plan = await ctx.em.findOneOrFail(Plan, { id: draw.planId });
  if (isDisclosed(plan, draw)) return false;
  if (seesAll(ctx.identity) || takesPart(ctx.identity, plan, ctx.oversees)) return false;
  return true;
}
