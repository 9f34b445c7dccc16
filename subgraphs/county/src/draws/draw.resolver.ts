import { connectionType, keysetPage, PageArgs } from "@ssj/shared";
import { GraphQLJSON } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { AuditEvent } from "../audit/audit-event.entity.js";
import { verifyChain } from "../audit/audit-log.js";
import type { CountyContext } from "../context.js";
import { parseId } from "../ids.js";
import { Plan } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { Draw, DrawRecordRow, DrawStatus, RedrawRequest } from "./draw.entity.js";
import { approveRedraw, createDraw, drawChain, drawState, enterCeremonyValues, executeDraw, freezeDraw, publishDraw, requestRedraw } from "./draw.service.js";
import { DoorKnocksType, DrawVerification, ExclusionCount, PoolCounts, PoolDigests, StratumResult } from "./draw.types.js";
import { doorKnocksOf } from "./door-knocks.js";
import { publicDrawFile } from "./public-record.js";
import { digestOf } from "../audit/audit-log.js";

export const VisitConnection = connectionType(Visit, "Visit", "检查");

const DRAW_ID = { description: "摇号任务标识 / draw id" } as const;

@Resolver(() => Draw)
export class DrawResolver {
  @Query(() => Draw, { nullable: true, description: "查询摇号任务 / one draw" })
  draw(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext) {
    return ctx.em.findOne(Draw, { id: parseId(id) });
  }

  @Mutation(() => Draw, { description: "为计划创建摇号任务（每个任务只摇一次）/ create the draw of a plan (one per task)" })
  createDraw(@Arg("planId", () => ID) planId: string, @Ctx() ctx: CountyContext) {
    return createDraw(ctx.em, parseId(planId, "planId"), ctx.actor);
  }

  @Mutation(() => Draw, { description: "冻结名录并公布摘要（在种子产生之前）/ freeze the pools and publish their digests" })
  freezeDraw(@Arg("drawId", () => ID, DRAW_ID) drawId: string, @Ctx() ctx: CountyContext) {
    return freezeDraw(ctx.em, ctx.client, parseId(drawId, "drawId"), ctx.actor);
  }

  @Mutation(() => Draw, { description: "录入现场随机值（如福彩3D号码），确定种子；只能录入一次 / enter the ceremony value(s), once" })
  enterCeremonyValues(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("values", () => [String], { description: "现场随机值，按录入顺序 / values, in order" }) values: string[],
    @Ctx() ctx: CountyContext,
  ) {
    return enterCeremonyValues(ctx.em, parseId(drawId, "drawId"), values, ctx.actor);
  }

  @Mutation(() => Draw, { description: "执行摇号：抽取主体、分配人员、生成检查（一个事务）/ select, assign and write the visits" })
  executeDraw(@Arg("drawId", () => ID, DRAW_ID) drawId: string, @Ctx() ctx: CountyContext) {
    return executeDraw(ctx.em, parseId(drawId, "drawId"), ctx.actor);
  }

  @Mutation(() => Draw, { description: "公开摇号结果 / publish the draw" })
  publishDraw(@Arg("drawId", () => ID, DRAW_ID) drawId: string, @Ctx() ctx: CountyContext) {
    return publishDraw(ctx.em, parseId(drawId, "drawId"), ctx.actor);
  }

  @Mutation(() => RedrawRequest, { description: "申请重摇（须写明原因）/ request a redraw, with a written reason" })
  requestRedraw(@Arg("drawId", () => ID, DRAW_ID) drawId: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: CountyContext) {
    return requestRedraw(ctx.em, parseId(drawId, "drawId"), reason, ctx.actor);
  }

  @Mutation(() => Draw, { description: "批准重摇（须为申请人以外的人）；原摇号保留公开并标记为已取代 / approve a redraw (another person)" })
  approveRedraw(@Arg("requestId", () => ID) requestId: string, @Ctx() ctx: CountyContext) {
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
    return keysetPage<Visit>(
      page,
      (v) => v.id,
      (after, limit) => ctx.em.find(Visit, after === null ? { drawId: draw.id } : { drawId: draw.id, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Visit, { drawId: draw.id }),
    );
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: "可下载的公开摇号记录（公开后）；格式见 docs/draw-record.md / the public record file" })
  async record(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    if (draw.status !== DrawStatus.PUBLISHED) return null;
    return publicDrawFile(ctx.em, draw.id, { withPeople: false });
  }

  @FieldResolver(() => DoorKnocksType, { description: "进一次门、查多项事：联合检查减少的上门次数 / door-knocks saved" })
  doorKnocks(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return doorKnocksOf(ctx.em, draw.id);
  }

  @FieldResolver(() => [AuditEvent], { description: "全过程记录（哈希链）/ the hash-chained log of this draw" })
  auditLog(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return ctx.em.find(AuditEvent, { chain: drawChain(draw.id) }, { orderBy: { seq: "asc" } });
  }

  @FieldResolver(() => DrawVerification, { description: "校验哈希链及已存数据 / verify the chain and the stored data" })
  async verification(@Root() draw: Draw, @Ctx() ctx: CountyContext): Promise<DrawVerification> {
    const chain = await verifyChain(ctx.em, drawChain(draw.id));
    const row = await ctx.em.findOne(DrawRecordRow, { drawId: draw.id });
    let stateMatches: boolean | null = null;
    if (row) {
      const last = await ctx.em.findOne(AuditEvent, { chain: drawChain(draw.id), action: { $in: ["DRAW_EXECUTED", "DRAW_PUBLISHED"] } }, { orderBy: { seq: "desc" } });
      const visits = await ctx.em.find(Visit, { drawId: draw.id }, { orderBy: { id: "asc" } });
      stateMatches = last ? last.stateDigest === digestOf(drawState(row.record, visits)) : false;
    }
    return { chainValid: chain.ok, brokenAt: chain.brokenAt, stateMatches };
  }
}
