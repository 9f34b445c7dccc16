import { AppError, connectionType, keysetPage, PageArgs, parseId, hasToken, Role, ErrorCode } from "@ssj/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Department } from "../departments/department.entity.js";
import { Draw } from "../draws/draw.entity.js";
import { Plan, PlanKind } from "./plan.entity.js";
import { assertCoordinator, assertManagesPlan, canSeeDraw, canSeePlan, seesAll } from "../access.js";
import { cancelPlan, findPlan, updatePlan } from "./plan.correct.js";
import { previewPlan } from "./plan.preview.js";
import { PlanPreview } from "./plan.preview.types.js";
import { regionPrefix } from "../draws/freeze.js";
import { PlanInput } from "./plan.input.js";
import { createPlan } from "./plan.service.js";
import { PlanMatter, PlanScope, StratumRatio } from "./plan.types.js";

export const PlanConnection = connectionType(Plan, "Plan", "抽查计划");

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true, description: "查询抽查计划 / one plan" })
  async plan(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext) {
    const plan = await ctx.em.findOne(Plan, { id: parseId(id) });
    return plan && canSeePlan(ctx.identity, plan, await hasPublicDraw(ctx, plan.id), ctx.oversees) ? plan : null;
  }

  @Query(() => PlanConnection, { description: "抽查计划列表（可按参与部门筛选）/ plans, optionally of one department" })
  async plans(
    @Arg("department", () => String, { nullable: true, description: "参与部门编码 / participating department" }) department: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    // others see their own department's plans and every plan with a draw the public follows (frozen on)
    const published = seesAll(ctx.identity)
      ? null
      : (await ctx.em.find(Draw, { frozenAt: { $ne: null } }, { fields: ["planId"] })).map((d) => d.planId);
    // exact matches of the department (never a LIKE pattern); a fragment is used once, so built per query
    const where = () => {
      const w: Record<string, unknown> = department ? hasToken("departments_key", department) : {};
      if (published)
        w.$or = [
          { id: { $in: published } },
          // its own department's plans, and those of the lower-level units it oversees
          ...[...(ctx.identity.department ? [ctx.identity.department] : []), ...ctx.oversees].map((d) => hasToken("departments_key", d)),
        ];
      return w;
    };
    return keysetPage<Plan>(
      page,
      (p) => p.id,
      (after, limit) => ctx.em.find(Plan, after === null ? where() : { ...where(), id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Plan, where()),
    );
  }

  @Mutation(() => Plan, { description: "新建部门抽查计划（或带配合部门的联合计划）/ create a plan" })
  createPlan(@Arg("input", () => PlanInput) input: PlanInput, @Ctx() ctx: CountyContext) {
    const kind = input.cooperatingDepartments?.length ? PlanKind.JOINT : PlanKind.DEPARTMENT;
    assertManagesPlan(ctx.identity, { kind, leadDepartment: input.leadDepartment }, "制定该抽查计划");
    return createPlan(ctx.em, ctx.client, input, ctx.actor);
  }

  @Mutation(() => Plan, { description: "新建跨部门联合抽查计划：发起部门 + 至少一个配合部门，一户一次上门 / create a joint plan" })
  createJointPlan(@Arg("input", () => PlanInput) input: PlanInput, @Ctx() ctx: CountyContext) {
    assertCoordinator(ctx.identity, "制定跨部门联合抽查计划");
    if (!input.cooperatingDepartments?.length) {
      throw new AppError(ErrorCode.JOINT_NEEDS_TWO_DEPARTMENTS, "联合抽查至少需要两个部门：发起部门和至少一个配合部门", {
        field: "cooperatingDepartments",
      });
    }
    return createPlan(ctx.em, ctx.client, input, ctx.actor);
  }

  @Mutation(() => Plan, {
    description:
      "修正计划：尚无摇号任务或摇号任务仍为 CREATED（未冻结）时可改；发起部门与计划类型不变 / correct a plan until its pools are frozen",
  })
  async updatePlan(@Arg("id", () => ID) id: string, @Arg("input", () => PlanInput) input: PlanInput, @Ctx() ctx: CountyContext) {
    const plan = await findPlan(ctx.em, parseId(id));
    assertManagesPlan(ctx.identity, plan, "修改该抽查计划");
    return updatePlan(ctx.em, ctx.client, plan.id, input, ctx.actor);
  }

  @Mutation(() => Plan, {
    description:
      "撤销计划（须写明理由，计划保留可查并标记为已撤销）；未录入现场随机值的摇号任务一并撤销 / cancel a plan with a reason; it stays visible",
  })
  async cancelPlan(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { description: "撤销理由 / reason" }) reason: string,
    @Ctx() ctx: CountyContext,
  ) {
    const plan = await findPlan(ctx.em, parseId(id));
    assertManagesPlan(ctx.identity, plan, "撤销该抽查计划");
    return cancelPlan(ctx.em, plan.id, reason, ctx.actor);
  }

  @Query(() => PlanPreview, {
    description:
      "计划预览：按冻结的方式计算候选数、未列入原因、各部门预计户次与可用人员，但不保存任何内容 / preview a plan as a freeze would compute it, storing nothing",
  })
  async planPreview(@Arg("planId", () => ID) planId: string, @Ctx() ctx: CountyContext) {
    const plan = await findPlan(ctx.em, parseId(planId, "planId"));
    if (ctx.identity.role !== Role.AUDITOR) assertManagesPlan(ctx.identity, plan, "预览该抽查计划");
    return previewPlan(ctx.em, ctx.client, plan);
  }

  @FieldResolver(() => [String], {
    description: "可参与的执法人员所在区划（代码前缀）/ where assigned inspectors must be posted (region prefixes)",
  })
  async eligibleRegions(@Root() plan: Plan, @Ctx() ctx: CountyContext): Promise<string[]> {
    if (plan.eligibleRegions) return plan.eligibleRegions;
    const departments = (await ctx.loaders.departmentByCode.loadMany(plan.departments)).filter(
      (d): d is Department => d instanceof Department,
    );
    return [...new Set(departments.map((d) => regionPrefix(d.region)))];
  }

  @FieldResolver(() => [Department], { description: "参与部门（发起部门在前）/ participating departments" })
  async participants(@Root() plan: Plan, @Ctx() ctx: CountyContext) {
    return (await ctx.loaders.departmentByCode.loadMany(plan.departments)).filter((d): d is Department => d instanceof Department);
  }

  @FieldResolver(() => [PlanMatter], { description: "抽查事项（按版本）/ matters, by version" })
  matters(@Root() plan: Plan): PlanMatter[] {
    return plan.matters.map((m) => ({ ...m, matterId: String(m.matterId), matter: { department: m.department, id: String(m.matterId) } }));
  }

  @FieldResolver(() => PlanScope, { description: "抽查范围 / scope" })
  scope(@Root() plan: Plan): PlanScope {
    return { regions: plan.scopeRegions, categories: plan.scopeCategories, supervisionTypes: plan.scopeSupervisionTypes };
  }

  @FieldResolver(() => [StratumRatio], { description: "各层比例 / ratio per stratum" })
  ratios(@Root() plan: Plan): StratumRatio[] {
    const notes = plan.ratioNotes;
    return (["FLAGGED", "D", "C", "B", "A"] as const).map((stratum) => ({
      stratum,
      ratio: plan.ratios[stratum],
      defaulted: stratum === "FLAGGED" && Boolean(notes?.flaggedDefaulted),
      zeroReason: notes?.zeroReasons[stratum] ?? null,
    }));
  }

  @FieldResolver(() => [Draw], { description: "本计划的全部摇号（含被取代的）/ every draw, superseded ones too" })
  async draws(@Root() plan: Plan, @Ctx() ctx: CountyContext) {
    const draws = await ctx.em.find(Draw, { planId: plan.id }, { orderBy: { sequence: "asc" } });
    return draws.filter((d) => canSeeDraw(ctx.identity, plan, d, ctx.oversees));
  }
}

/** A plan is public once one of its draws is frozen (its digests are out). */
export async function hasPublicDraw(ctx: CountyContext, planId: number): Promise<boolean> {
  return (await ctx.em.count(Draw, { planId, frozenAt: { $ne: null } })) > 0;
}
