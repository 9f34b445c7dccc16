import { parseId, Role } from "@ssj/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Field, ObjectType } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Draw } from "../draws/draw.entity.js";
import { ExpertRef, InspectorRef, MatterRef, refOf } from "../refs/entity-refs.js";
import { Subject } from "../subjects/subject.type.js";
import { Visit } from "./visit.entity.js";
import { canSeeVisit } from "../access.js";
import { withheldFrom } from "../draws/withheld.js";

@ObjectType("VisitTeam", { description: "某部门派出的人员及其事项 / one department's part of a visit" })
export class VisitTeam {
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => [MatterRef], { description: "该部门的事项 / its matters" }) matters!: MatterRef[];
  @Field(() => [InspectorRef], { description: "该部门的执法人员 / its inspectors" }) inspectors!: InspectorRef[];
}

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => Visit, { nullable: true, description: "查询检查 / one visit" })
  visit(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext) {
    return visibleVisit(ctx, parseId(id));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "抽样层（风险分类为内部管理依据，仅登录用户可见）/ stratum, signed-in users only",
  })
  stratum(@Root() visit: Visit, @Ctx() ctx: CountyContext): string | null {
    return ctx.identity.role === Role.PUBLIC ? null : visit.stratum;
  }

  @FieldResolver(() => Int, { nullable: true, description: "在本层中的名次（仅登录用户可见）/ rank in its stratum, signed-in users only" })
  rank(@Root() visit: Visit, @Ctx() ctx: CountyContext): number | null {
    return ctx.identity.role === Role.PUBLIC ? null : visit.rank;
  }

  @FieldResolver(() => Draw, {
    nullable: true,
    description: "所属摇号（未列入抽查计划的检查为空）/ the draw; null for an unplanned inspection",
  })
  draw(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    return visit.drawId === null ? null : ctx.em.findOneOrFail(Draw, { id: visit.drawId });
  }

  @FieldResolver(() => Subject, { description: "被检查的市场主体（各部门记录来自部门服务）/ the subject" })
  subject(@Root() visit: Visit): Subject {
    return { uscc: visit.uscc };
  }

  @FieldResolver(() => [String], { description: "事项所属部门 / departments whose matters it carries" })
  departments(@Root() visit: Visit): string[] {
    return visit.departmentsKey.split("|").filter(Boolean);
  }

  @FieldResolver(() => [MatterRef], { description: "本次检查的全部事项 / every matter of the visit" })
  matters(@Root() visit: Visit): MatterRef[] {
    return visit.matters.map(refOf);
  }

  @FieldResolver(() => [InspectorRef], { description: "全部执法人员 / every inspector" })
  inspectors(@Root() visit: Visit): InspectorRef[] {
    return Object.values(visit.inspectors).flat().map(refOf);
  }

  @FieldResolver(() => [VisitTeam], { description: "按部门分列的事项与人员 / matters and inspectors by department" })
  teams(@Root() visit: Visit): VisitTeam[] {
    return visit.departmentsKey
      .split("|")
      .filter(Boolean)
      .map((department) => ({
        department,
        matters: visit.matters.filter((m) => m.startsWith(`${department}:`)).map(refOf),
        inspectors: (visit.inspectors[department] ?? []).map(refOf),
      }));
  }

  @FieldResolver(() => [ExpertRef], { description: "参加的专家 / experts" })
  experts(@Root() visit: Visit): ExpertRef[] {
    return visit.experts.map(refOf);
  }
}

export function resolveVisitReference(ref: { id: string }, ctx: CountyContext) {
  return visibleVisit(ctx, parseId(ref.id));
}

async function visibleVisit(ctx: CountyContext, id: number): Promise<Visit | null> {
  const visit = await ctx.em.findOne(Visit, { id });
  if (!visit) return null;
  const draw = visit.drawId === null ? null : await ctx.em.findOneOrFail(Draw, { id: visit.drawId });
  if (!canSeeVisit(ctx.identity, visit, draw, ctx.oversees)) return null;
  return draw && (await withheldFrom(ctx, draw)) ? null : visit;
}
