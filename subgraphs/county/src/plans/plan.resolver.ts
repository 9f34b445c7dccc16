import { AppError, connectionType, keysetPage, PageArgs, parseId, ErrorCode } from "@ssj/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Department } from "../departments/department.entity.js";
import { Draw } from "../draws/draw.entity.js";
import { Plan, PlanKind } from "./plan.entity.js";
import { assertCoordinator, assertManagesPlan, canSeeDraw, canSeePlan, seesAll } from "../access.js";
import { DrawStatus } from "../draws/draw.entity.js";
import { PlanInput } from "./plan.input.js";
import { createPlan } from "./plan.service.js";
import { PlanMatter, PlanScope, StratumRatio } from "./plan.types.js";

export const PlanConnection = connectionType(Plan, "Plan", "抽查计划");

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true, description: "查询抽查计划 / one plan" })
  async plan(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext) {
    const plan = await ctx.em.findOne(Plan, { id: parseId(id) });
    return plan && canSeePlan(ctx.identity, plan, await hasPublishedDraw(ctx, plan.id)) ? plan : null;
  }

  @Query(() => PlanConnection, { description: "抽查计划列表（可按参与部门筛选）/ plans, optionally of one department" })
  async plans(
    @Arg("department", () => String, { nullable: true, description: "参与部门编码 / participating department" }) department: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    const where: Record<string, unknown> = department ? { departmentsKey: { $like: `%|${department}|%` } } : {};
    if (!seesAll(ctx.identity)) {
      // others see their own department's plans and every plan with a published draw
      const published = (await ctx.em.find(Draw, { status: DrawStatus.PUBLISHED }, { fields: ["planId"] })).map((d) => d.planId);
      const own = ctx.identity.department ? [{ departmentsKey: { $like: `%|${ctx.identity.department}|%` } }] : [];
      where.$or = [{ id: { $in: published } }, ...own];
    }
    return keysetPage<Plan>(
      page,
      (p) => p.id,
      (after, limit) => ctx.em.find(Plan, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Plan, where),
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
    return Object.entries(plan.ratios).map(([stratum, ratio]) => ({ stratum, ratio }));
  }

  @FieldResolver(() => [Draw], { description: "本计划的全部摇号（含被取代的）/ every draw, superseded ones too" })
  async draws(@Root() plan: Plan, @Ctx() ctx: CountyContext) {
    const draws = await ctx.em.find(Draw, { planId: plan.id }, { orderBy: { sequence: "asc" } });
    return draws.filter((d) => canSeeDraw(ctx.identity, plan, d));
  }
}

export async function hasPublishedDraw(ctx: CountyContext, planId: number): Promise<boolean> {
  return (await ctx.em.count(Draw, { planId, status: DrawStatus.PUBLISHED })) > 0;
}
