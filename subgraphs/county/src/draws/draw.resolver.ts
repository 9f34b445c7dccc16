import { AuditEvent, connectionType, IDEMPOTENCY_KEY_DESCRIPTION, keysetPage, PageArgs, Role, parseId, hasToken } from "@ssj/shared";
import { STRATA } from "@ssj/draw-engine";
import { assertAuditorView, assertManagesPlan, canSeeDraw, canSeeDrawResults, seesStrata } from "../access.js";
import { GraphQLJSON } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Plan } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { Draw, DrawRecordRow, DrawStatus, RedrawRequest } from "./draw.entity.js";
import { createDraw, drawChain, publishDraw } from "./draw.service.js";
import { executeDraw } from "./draw.execute.js";
import { freezeDraw } from "./draw.freeze.js";
import { approveRedraw, requestRedraw } from "./draw.redraw.js";
import { DoorKnocksType, DrawVerification, ExclusionCount, PoolCounts, PoolDigests, StratumResult } from "./draw.types.js";
import { doorKnocksOf } from "./door-knocks.js";
import { approveRedrawOnce, createDrawOnce, drawStepOnce, requestRedrawOnce } from "./draw-idempotency.js";
import { publicDrawFile } from "./public-record.js";
import { verifyStoredDraw } from "./verification.js";
import { withheldFrom } from "./withheld.js";
import { ChainCheckpointType } from "../audit/checkpoint.types.js";
import { checkpointsOf } from "../audit/checkpoints.js";

/** The draw, if the caller may run it: the coordinator, or the lead department's admin for a department plan. */
export async function managedDraw(ctx: CountyContext, drawId: string, what: string): Promise<void> {
  const draw = await ctx.em.findOne(Draw, { id: parseId(drawId, "drawId") });
  if (!draw) return; // the service answers NOT_FOUND
  const plan = await ctx.em.findOneOrFail(Plan, { id: draw.planId });
  assertManagesPlan(ctx.identity, plan, what);
}

export const VisitConnection = connectionType(Visit, "Visit", "检查");

const DRAW_ID = { description: "摇号任务标识 / draw id" } as const;
const KEY = () => String;
const KEY_OPTS = { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION } as const;

@Resolver(() => Draw)
export class DrawResolver {
  @Query(() => Draw, { nullable: true, description: "查询摇号任务 / one draw" })
  async draw(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext) {
    const draw = await ctx.em.findOne(Draw, { id: parseId(id) });
    if (!draw) return null;
    const plan = await ctx.em.findOneOrFail(Plan, { id: draw.planId });
    return canSeeDraw(ctx.identity, plan, draw, ctx.oversees) ? draw : null;
  }

  @Mutation(() => Draw, { description: "为计划创建摇号任务（每个任务只摇一次）/ create the draw of a plan (one per task)" })
  async createDraw(
    @Arg("planId", () => ID) planId: string,
    @Arg("idempotencyKey", KEY, KEY_OPTS) idempotencyKey: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    const plan = await ctx.em.findOne(Plan, { id: parseId(planId, "planId") });
    if (plan) assertManagesPlan(ctx.identity, plan, "为该计划摇号");
    const id = parseId(planId, "planId");
    return createDrawOnce(ctx, idempotencyKey, id, () => createDraw(ctx.em, id, ctx.actor));
  }

  @Mutation(() => Draw, { description: "冻结名录并公布摘要（在种子产生之前）/ freeze the pools and publish their digests" })
  async freezeDraw(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("idempotencyKey", KEY, KEY_OPTS) idempotencyKey: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "冻结名录");
    const id = parseId(drawId, "drawId");
    return drawStepOnce(ctx, idempotencyKey, "freezeDraw", id, () => freezeDraw(ctx.em, ctx.client, id, ctx.actor));
  }

  @Mutation(() => Draw, { description: "执行摇号：抽取主体、分配人员、生成检查（一个事务）/ select, assign and write the visits" })
  async executeDraw(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("idempotencyKey", KEY, KEY_OPTS) idempotencyKey: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "执行摇号");
    const id = parseId(drawId, "drawId");
    return drawStepOnce(ctx, idempotencyKey, "executeDraw", id, () => executeDraw(ctx.em, id, ctx.actor));
  }

  @Mutation(() => Draw, { description: "公开摇号结果 / publish the draw" })
  async publishDraw(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("idempotencyKey", KEY, KEY_OPTS) idempotencyKey: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "公开摇号结果");
    const id = parseId(drawId, "drawId");
    return drawStepOnce(ctx, idempotencyKey, "publishDraw", id, () => publishDraw(ctx.em, id, ctx.actor));
  }

  @Mutation(() => RedrawRequest, { description: "申请重摇（须写明原因）/ request a redraw, with a written reason" })
  async requestRedraw(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("reason", () => String) reason: string,
    @Arg("idempotencyKey", KEY, KEY_OPTS) idempotencyKey: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "申请重摇");
    const id = parseId(drawId, "drawId");
    return requestRedrawOnce(ctx, idempotencyKey, id, () => requestRedraw(ctx.em, id, reason, ctx.actor));
  }

  @Mutation(() => Draw, { description: "批准重摇（须为申请人以外的人）；原摇号保留公开并标记为已取代 / approve a redraw (another person)" })
  async approveRedraw(
    @Arg("requestId", () => ID) requestId: string,
    @Arg("idempotencyKey", KEY, KEY_OPTS) idempotencyKey: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    const id = parseId(requestId, "requestId");
    const request = await ctx.em.findOne(RedrawRequest, { id });
    if (request) await managedDraw(ctx, String(request.drawId), "批准重摇");
    return approveRedrawOnce(ctx, idempotencyKey, id, () => approveRedraw(ctx.em, id, ctx.actor));
  }

  @FieldResolver(() => Plan, { description: "所属计划 / the plan" })
  plan(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return ctx.em.findOneOrFail(Plan, { id: draw.planId });
  }

  @FieldResolver(() => PoolDigests, { nullable: true, description: "名录摘要（冻结后公布）/ pool digests" })
  digests(@Root() draw: Draw): PoolDigests | null {
    return draw.digests as PoolDigests | null;
  }

  @FieldResolver(() => PoolCounts, {
    nullable: true,
    description:
      "名录数量（冻结后公布；各层候选数仅对登录用户）/ pool sizes, public from the freeze; per-stratum counts to signed-in roles only",
  })
  counts(@Root() draw: Draw, @Ctx() ctx: CountyContext): PoolCounts | null {
    const c = draw.counts as { candidates: number; inspectors: number; experts: number; strata: Record<string, number> } | null;
    if (!c) return null;
    // FLAGGED, D, C, B, A — the order of the record; strata reveal how many subjects sit in each risk class
    const strata = seesStrata(ctx.identity)
      ? STRATA.filter((s) => s in c.strata).map((stratum) => ({ stratum, count: c.strata[stratum]! }))
      : [];
    return { ...c, strata };
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

  @FieldResolver(() => [StratumResult], { description: "各层应抽与实抽数（抽取后；公众在公开后可见）/ per-stratum counts, once drawn" })
  async strata(@Root() draw: Draw, @Ctx() ctx: CountyContext): Promise<StratumResult[]> {
    if (!(await this.resultsVisible(draw, ctx))) return [];
    const row = await ctx.em.findOne(DrawRecordRow, { drawId: draw.id });
    return row ? (JSON.parse(row.record).strata as StratumResult[]) : [];
  }

  /** The public follows a draw from its freeze, but sees who is visited only once it is published. */
  private async resultsVisible(draw: Draw, ctx: CountyContext): Promise<boolean> {
    return canSeeDrawResults(ctx.identity, await ctx.em.findOneOrFail(Plan, { id: draw.planId }), draw, ctx.oversees);
  }

  @FieldResolver(() => VisitConnection, { description: "本次抽出的检查（公众在公开后可见）/ the visits drawn; public once published" })
  async visits(@Root() draw: Draw, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    // an AFTER_WINDOW draw does not tell the public who will be visited before its record is disclosed
    if (await withheldFrom(ctx, draw))
      return keysetPage<Visit>(
        page,
        (v) => v.id,
        async () => [],
        async () => 0,
      );
    // an inspector sees only their own visits, even in a published draw
    // a filter with an exact-match fragment is used once: build it for each query
    const visible = ctx.identity.role === Role.INSPECTOR || (await this.resultsVisible(draw, ctx));
    const where = () =>
      ctx.identity.role === Role.INSPECTOR
        ? { drawId: draw.id, ...hasToken("inspectors_key", `${ctx.identity.department}:${ctx.identity.inspectorId}`) }
        : visible
          ? { drawId: draw.id }
          : { drawId: -1 };
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

  @FieldResolver(() => DrawVerification, {
    description: "由已存数据重算一切并与哈希链和签名检查点比对 / recompute everything from what is stored and compare with the chain",
  })
  async verification(@Root() draw: Draw, @Ctx() ctx: CountyContext): Promise<DrawVerification> {
    const v = await verifyStoredDraw(ctx.em, draw);
    return { ...v, ok: v.problems.length === 0 };
  }

  @FieldResolver(() => [ChainCheckpointType], {
    description: "本摇号哈希链的签名检查点（公开，可留存以便日后比对）/ signed checkpoints of this draw's chain, public",
  })
  checkpoints(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return checkpointsOf(ctx.em, drawChain(draw.id));
  }
}
