import { connectionType, keysetPage, PageArgs } from "@ssj/shared";
import { Arg, Args, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { assertAuditorView } from "../access.js";
import type { CountyContext } from "../context.js";
import { seesVisitBooks } from "../inspections/visit-access.js";
import { Visit } from "../visits/visit.entity.js";
import { UnplannedInspection } from "./unplanned.entity.js";
import { UnplannedInspectionInput } from "./unplanned.inputs.js";
import { unplannedCounts } from "./unplanned-counts.js";
import { recordUnplanned } from "./unplanned.service.js";

export const UnplannedVisitConnection = connectionType(Visit, "UnplannedVisit", "计划外检查");

@ObjectType("UnplannedInspectionCount", {
  description: "计划外检查计数（按部门和执法人员）/ unplanned inspections per department and inspector",
})
export class UnplannedInspectionCount {
  @Field(() => String, { description: "部门 / department" }) department!: string;
  @Field(() => String, { nullable: true, description: "执法人员（部门:编号），部门合计时为空 / inspector, null for the department total" })
  inspector!: string | null;
  @Field(() => Int, { description: "计划外检查数 / unplanned inspections" }) total!: number;
  @Field(() => Int, { description: "其中标记为「未列入抽查计划」的 / of which flagged" }) flagged!: number;
}

@Resolver(() => Visit)
export class UnplannedResolver {
  @Mutation(() => Visit, {
    description:
      "登记计划外检查（本部门执法人员或管理员）；原因为投诉举报或移送且填写编号以外的，标记为「未列入抽查计划」/ record an inspection no draw selected",
  })
  recordUnplannedInspection(@Arg("input", () => UnplannedInspectionInput) input: UnplannedInspectionInput, @Ctx() ctx: CountyContext) {
    return recordUnplanned(ctx.em, ctx.client, ctx, input);
  }

  @FieldResolver(() => UnplannedInspection, {
    nullable: true,
    description: "计划外检查的登记（经摇号的检查为空）/ the unplanned record, if any",
  })
  unplanned(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    if (visit.drawId !== null || !seesVisitBooks(ctx.identity, visit, ctx.oversees)) return null;
    return ctx.em.findOne(UnplannedInspection, { visitId: visit.id });
  }

  @Query(() => UnplannedVisitConnection, {
    description: "计划外检查列表（县级协调人、审计）/ unplanned inspections, coordinator and auditors",
  })
  async unplannedInspections(
    @Arg("department", () => String, { nullable: true, description: "部门编码 / department" }) department: string | null,
    @Arg("flaggedOnly", () => Boolean, { defaultValue: false, description: "只看标记的 / flagged only" }) flaggedOnly: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    assertAuditorView(ctx.identity, "查看计划外检查");
    const rows = await ctx.em.find(
      UnplannedInspection,
      { ...(department ? { department } : {}), ...(flaggedOnly ? { flagged: true } : {}) },
      { fields: ["visitId"] },
    );
    const where = { id: { $in: rows.map((r) => r.visitId) } };
    return keysetPage<Visit>(
      page,
      (v) => v.id,
      (after, limit) =>
        ctx.em.find(Visit, after === null ? where : { $and: [where, { id: { $gt: after } }] }, { orderBy: { id: "asc" }, limit }),
      async () => rows.length,
    );
  }

  @Query(() => [UnplannedInspectionCount], {
    description: "计划外检查计数：每个部门一行合计，及每名执法人员一行（县级协调人、审计）/ counts per department and per inspector",
  })
  async unplannedInspectionCounts(@Ctx() ctx: CountyContext): Promise<UnplannedInspectionCount[]> {
    assertAuditorView(ctx.identity, "查看计划外检查");
    return unplannedCounts(ctx.em);
  }
}
