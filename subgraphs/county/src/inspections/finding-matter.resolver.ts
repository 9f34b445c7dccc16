import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { matterRef } from "../draws/freeze.js";
import { Plan } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { Finding } from "./finding.entity.js";

@ObjectType("FindingMatter", { description: "检查结果所属的事项（取自计划的事项快照）/ the matter of a finding, from the plan's snapshot" })
export class FindingMatter {
  @Field(() => String, { description: "事项编码 / matter code" }) code!: string;
  @Field(() => String, { nullable: true, description: "事项名称（未列入计划的检查为空）/ matter name; null without a plan" })
  name!: string | null;
  @Field(() => String, { description: "部门 / department" }) department!: string;
}

/**
 * `Finding.matter`: what a page shows beside a finding. From the plan's snapshot of the matter version the plan
 * used (docs/inspection.md), not the department's current matter, which may have been revised since.
 */
@Resolver(() => Finding)
export class FindingMatterResolver {
  @FieldResolver(() => FindingMatter, { description: "所属事项（编码与名称）/ the matter (code and name)" })
  async matter(@Root() f: Finding, @Ctx() ctx: CountyContext): Promise<FindingMatter> {
    const visit = await ctx.em.findOneOrFail(Visit, { id: f.visitId });
    const plan = visit.planId === null ? null : await ctx.em.findOne(Plan, { id: visit.planId });
    const snapshot = plan?.matters.find((m) => matterRef(m) === f.matter);
    const code = snapshot?.code ?? visit.matterCodes[visit.matters.indexOf(f.matter)]?.split(":")[1] ?? f.matter;
    return { code, name: snapshot?.name ?? null, department: f.department };
  }
}
