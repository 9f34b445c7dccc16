import { AuditEvent, connectionType, digestOf, keysetPage, PageArgs, Role, verifyChain, parseId, hasToken } from "@ssj/shared";
import { assertAuditorView, assertManagesPlan, canSeeDraw } from "../access.js";
import { GraphQLJSON } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Plan } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { Draw, DrawRecordRow, DrawStatus, RedrawRequest } from "./draw.entity.js";
import {
  approveRedraw,
  createDraw,
  drawChain,
  drawState,
  enterCeremonyValues,
  executeDraw,
  freezeDraw,
  publishDraw,
  requestRedraw,
} from "./draw.service.js";
import { DoorKnocksType, DrawVerification, ExclusionCount, PoolCounts, PoolDigests, StratumResult } from "./draw.types.js";
import { doorKnocksOf } from "./door-knocks.js";
import { publicDrawFile } from "./public-record.js";

/** The draw, if the caller may run it: the coordinator, or the lead department's admin for a department plan. */
async function managedDraw(ctx: CountyContext, drawId: string, what: string): Promise<void> {
  const draw = await ctx.em.findOne(Draw, { id: parseId(drawId, "drawId") });
  if (!draw) return; // the service answers NOT_FOUND
  const plan = await ctx.em.findOneOrFail(Plan, { id: draw.planId });
  assertManagesPlan(ctx.identity, plan, what);
}

export const VisitConnection = connectionType(Visit, "Visit", "检查");

const DRAW_ID = { description: "摇号任务标识 / draw id" } as const;

@Resolver(() => Draw)
export class DrawResolver {
  @Query(() => Draw, { nullable: true, description: "查询摇号任务 / one draw" })
  async draw(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext) {
    const draw = await ctx.em.findOne(Draw, { id: parseId(id) });
    if (!draw) return null;
    const plan = await ctx.em.findOneOrFail(Plan, { id: draw.planId });
    return canSeeDraw(ctx.identity, plan, draw) ? draw : null;
  }

  @Mutation(() => Draw, { description: "为计划创建摇号任务（每个任务只摇一次）/ create the draw of a plan (one per task)" })
  async createDraw(@Arg("planId", () => ID) planId: string, @Ctx() ctx: CountyContext) {
    const plan = await ctx.em.findOne(Plan, { id: parseId(planId, "planId") });
    if (plan) assertManagesPlan(ctx.identity, plan, "为该计划摇号");
    return createDraw(ctx.em, parseId(planId, "planId"), ctx.actor);
  }

  @Mutation(() => Draw, { description: "冻结名录并公布摘要（在种子产生之前）/ freeze the pools and publish their digests" })
  async freezeDraw(@Arg("drawId", () => ID, DRAW_ID) drawId: string, @Ctx() ctx: CountyContext) {
    await managedDraw(ctx, drawId, "冻结名录");
    return freezeDraw(ctx.em, ctx.client, parseId(drawId, "drawId"), ctx.actor);
  }

  @Mutation(() => Draw, { description: "录入现场随机值（如福彩3D号码），确定种子；只能录入一次 / enter the ceremony value(s), once" })
  async enterCeremonyValues(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("values", () => [String], { description: "现场随机值，按录入顺序 / values, in order" }) values: string[],
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "录入现场随机值");
    return enterCeremonyValues(ctx.em, parseId(drawId, "drawId"), values, ctx.actor);
  }

  @Mutation(() => Draw, { description: "执行摇号：抽取主体、分配人员、生成检查（一个事务）/ select, assign and write the visits" })
  async executeDraw(@Arg("drawId", () => ID, DRAW_ID) drawId: string, @Ctx() ctx: CountyContext) {
    await managedDraw(ctx, drawId, "执行摇号");
    return executeDraw(ctx.em, parseId(drawId, "drawId"), ctx.actor);
  }

  @Mutation(() => Draw, { description: "公开摇号结果 / publish the draw" })
  async publishDraw(@Arg("drawId", () => ID, DRAW_ID) drawId: string, @Ctx() ctx: CountyContext) {
    await managedDraw(ctx, drawId, "公开摇号结果");
    return publishDraw(ctx.em, parseId(drawId, "drawId"), ctx.actor);
  }

  @Mutation(() => RedrawRequest, { description: "申请重摇（须写明原因）/ request a redraw, with a written reason" })
  async requestRedraw(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "申请重摇");
    return requestRedraw(ctx.em, parseId(drawId, "drawId"), reason, ctx.actor);
  }

  @Mutation(() => Draw, { description: "批准重摇（须为申请人以外的人）；原摇号保留公开并标记为已取代 / approve a redraw (another person)" })
  async approveRedraw(@Arg("requestId", () => ID) requestId: string, @Ctx() ctx: CountyContext) {
    const request = await ctx.em.findOne(RedrawRequest, { id: parseId(requestId, "requestId") });
    if (request) await managedDraw(ctx, String(request.drawId), "批准重摇");
    return approveRedraw(ctx.em, parseId(requestId, "requestId"), ctx.actor);
  }

  @FieldResolver(() => Plan, { description: "所属计划 / the plan" })
  plan(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return ctx.em.findOneOrFail(Plan, { id: draw.planId });
  }

  @FieldResolver(() => PoolDigests, { nullable: true, description: "名录摘要（冻结后公布）/ pool digests" })
  digests(@Root() draw: Draw): PoolDigests | null {
    return draw.digests as PoolDigests | null;
  }

  @FieldResolver(() => PoolCounts, { nullable: true, description: "名录数量 / pool sizes" })
  counts(@Root() draw: Draw): PoolCounts | null {
    const c = draw.counts as { candidates: number; inspectors: number; experts: number; strata: Record<string, number> } | null;
    return c && { ...c, strata: Object.entries(c.strata).map(([stratum, count]) => ({ stratum, count })) };
  }

  @FieldResolver(() => [ExclusionCount], { description: "未列入候选的主体及原因（互认回避等）/ subjects left out, by reason" })
  excluded(@Root() draw: Draw): ExclusionCount[] {
    return Object.entries(draw.excluded ?? {}).map(([reason, count]) => ({ reason, count }));
  }

  @FieldResolver(() => [String], { nullable: true, description: "现场随机值 / ceremony values" })
  ceremonyValues(@Root() draw: Draw): string[] | null {
    return draw.ceremonyValues;
  }

  @FieldResolver(() => Boolean, { description: "是否已被重摇取代 / superseded by a redraw" })
  superseded(@Root() draw: Draw): boolean {
    return draw.supersededAt !== null;
  }

  @FieldResolver(() => Draw, { nullable: true, description: "取代本次的摇号 / the draw that replaced this one" })
  supersededBy(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return draw.supersededById ? ctx.em.findOne(Draw, { id: draw.supersededById }) : null;
  }

  @FieldResolver(() => [RedrawRequest], { description: "重摇申请 / redraw requests" })
  redrawRequests(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return ctx.em.find(RedrawRequest, { drawId: draw.id }, { orderBy: { id: "asc" } });
  }

  @FieldResolver(() => [StratumResult], { description: "各层应抽与实抽数（抽取后）/ per-stratum counts, once drawn" })
  async strata(@Root() draw: Draw, @Ctx() ctx: CountyContext): Promise<StratumResult[]> {
    const row = await ctx.em.findOne(DrawRecordRow, { drawId: draw.id });
    return row ? (JSON.parse(row.record).strata as StratumResult[]) : [];
  }

  @FieldResolver(() => VisitConnection, { description: "本次抽出的检查 / the visits drawn" })
  visits(@Root() draw: Draw, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    // an inspector sees only their own visits, even in a published draw
    // a filter with an exact-match fragment is used once: build it for each query
    const where = () =>
      ctx.identity.role === Role.INSPECTOR
        ? { drawId: draw.id, ...hasToken("inspectors_key", `${ctx.identity.department}:${ctx.identity.inspectorId}`) }
        : { drawId: draw.id };
    return keysetPage<Visit>(
      page,
      (v) => v.id,
      (after, limit) =>
        ctx.em.find(Visit, after === null ? where() : { ...where(), id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Visit, where()),
    );
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: "可下载的公开摇号记录（公开后）；格式见 docs/draw-record.md / the public record file",
  })
  async record(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    if (draw.status !== DrawStatus.PUBLISHED) return null;
    return publicDrawFile(ctx.em, draw.id, { withPeople: false });
  }

  @FieldResolver(() => DoorKnocksType, { description: "进一次门、查多项事：联合检查减少的上门次数 / door-knocks saved" })
  doorKnocks(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return doorKnocksOf(ctx.em, draw.id);
  }

  @FieldResolver(() => [AuditEvent], {
    nullable: true,
    description: "全过程记录（哈希链；审计与协调员可见）/ the hash-chained log of this draw",
  })
  auditLog(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    assertAuditorView(ctx.identity, "查看全过程记录");
    return ctx.em.find(AuditEvent, { chain: drawChain(draw.id) }, { orderBy: { seq: "asc" } });
  }

  @FieldResolver(() => DrawVerification, { description: "校验哈希链及已存数据 / verify the chain and the stored data" })
  async verification(@Root() draw: Draw, @Ctx() ctx: CountyContext): Promise<DrawVerification> {
    const chain = await verifyChain(ctx.em, drawChain(draw.id));
    const row = await ctx.em.findOne(DrawRecordRow, { drawId: draw.id });
    let stateMatches: boolean | null = null;
    if (row) {
      const last = await ctx.em.findOne(
        AuditEvent,
        { chain: drawChain(draw.id), action: { $in: ["DRAW_EXECUTED", "DRAW_PUBLISHED"] } },
        { orderBy: { seq: "desc" } },
      );
      const visits = await ctx.em.find(Visit, { drawId: draw.id }, { orderBy: { id: "asc" } });
      stateMatches = last ? last.stateDigest === digestOf(drawState(row.record, visits)) : false;
    }
    return { chainValid: chain.ok, brokenAt: chain.brokenAt, stateMatches };
  }
}
