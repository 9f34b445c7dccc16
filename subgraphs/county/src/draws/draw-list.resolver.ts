import { AppError, connectionType, ErrorCode, keysetPage, PageArgs, parseId, hasToken } from "@ssj/shared";
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { seesAll } from "../access.js";
import type { CountyContext } from "../context.js";
import { Plan } from "../plans/plan.entity.js";
import { cancelDraw } from "./draw.cancel.js";
import { Draw, DrawStatus } from "./draw.entity.js";
import { managedDraw } from "./draw.resolver.js";

export const DrawConnection = connectionType(Draw, "Draw", "摇号任务");

/** The list of draws, and cancelling one; the draw's own steps are in draw.resolver.ts. */
@Resolver(() => Draw)
export class DrawListResolver {
  @Query(() => DrawConnection, {
    description:
      "摇号任务列表（公众可见冻结之后的全部摇号，含已撤销、被取代的）/ draws; the public sees every draw from its freeze on, cancelled and superseded ones too",
  })
  async draws(
    @Arg("status", () => DrawStatus, { nullable: true, description: "进度 / state" }) status: DrawStatus | null,
    @Arg("department", () => String, { nullable: true, description: "参与部门编码 / participating department" }) department: string | null,
    @Arg("year", () => Int, { nullable: true, description: "实施期开始的年份 / year the plan's window starts" }) year: number | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    if (year != null && (year < 2000 || year > 2999)) throw new AppError(ErrorCode.BAD_USER_INPUT, `年份 ${year} 无效`, { field: "year" });
    const where: Record<string, unknown> = status ? { status } : {};
    const planWhere: Record<string, unknown> = {};
    // exact matches, never a LIKE pattern built from the caller's text (a department of "%" must match nothing)
    if (department) Object.assign(planWhere, hasToken("departments_key", department));
    if (year != null) planWhere.windowStart = { $gte: `${year}-01-01`, $lte: `${year}-12-31` };
    const planIds = async (w: Record<string, unknown>) => (await ctx.em.find(Plan, w, { fields: ["id"] })).map((p) => p.id);
    if (Object.keys(planWhere).length) where.planId = { $in: await planIds(planWhere) };
    const i = ctx.identity;
    if (!seesAll(i)) {
      // a department's staff also see their own plans' draws before the freeze, an upper level its units' too
      const mine = [...(i.department ? [i.department] : []), ...ctx.oversees];
      const own: number[] = [];
      for (const d of mine) own.push(...(await planIds(hasToken("departments_key", d))));
      where.$or = [{ frozenAt: { $ne: null } }, { planId: { $in: own } }];
    }
    return keysetPage<Draw>(
      page,
      (d) => d.id,
      (after, limit) => ctx.em.find(Draw, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Draw, where),
    );
  }

  @Mutation(() => Draw, {
    description:
      "撤销摇号任务（须写明理由；仅限录入现场随机值之前），记录保留并标记为已撤销，计划可重新创建摇号任务 / cancel a draw before its ceremony value, with a reason",
  })
  async cancelDraw(
    @Arg("drawId", () => ID, { description: "摇号任务标识 / draw id" }) drawId: string,
    @Arg("reason", () => String, { description: "撤销理由 / reason" }) reason: string,
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "撤销摇号任务");
    return cancelDraw(ctx.em, parseId(drawId, "drawId"), reason, ctx.actor);
  }
}
