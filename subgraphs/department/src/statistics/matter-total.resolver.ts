import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import { forbidden, requireStatisticsYear, Role } from "@ssj/shared";
import { Ctx, Field, Int, Mutation, ObjectType, Query, Resolver, Arg } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { Matter, MatterStatus } from "../matters/matter.entity.js";
import { OwnDepartment } from "../own-department.js";
import { InspectionMatterTotal } from "./matter-total.entity.js";
import { requireMatterTotal } from "./matter-total.rules.js";

@ObjectType("InspectionMatterCount", {
  description: "部门年度检查事项数：已公布的随机抽查事项数与申报的检查事项总数 / random-inspection matters and the declared total",
})
export class InspectionMatterCount {
  @Field(() => Int, { description: "年度 / year" }) year!: number;
  @Field(() => Int, { description: "已公布的随机抽查事项数（按事项编码计）/ published random-inspection matters, by code" })
  randomMatters!: number;
  @Field(() => Int, { nullable: true, description: "申报的检查事项总数，未申报为空 / declared total of inspection matters, null if none" })
  declaredTotal!: number | null;
  @Field(() => String, { nullable: true, description: "申报人 / declared by" }) declaredBy!: string | null;
  @Field(() => Date, { nullable: true, description: "申报时间 / declared at" }) declaredAt!: Date | null;
}

/** Published random-inspection matters: distinct codes whose newest version is published (one COUNT). */
async function publishedMatters(ctx: DepartmentContext): Promise<number> {
  const qb = (ctx.em as SqlEntityManager).createQueryBuilder(Matter).count("code", true).where({ status: MatterStatus.PUBLISHED });
  const row = await qb.execute<{ count: number | string }>("get");
  return Number(row.count);
}

async function countOf(ctx: DepartmentContext, year: number): Promise<InspectionMatterCount> {
  const [randomMatters, declared] = await Promise.all([publishedMatters(ctx), ctx.em.findOne(InspectionMatterTotal, { year })]);
  return {
    year,
    randomMatters,
    declaredTotal: declared?.total ?? null,
    declaredBy: declared?.declaredBy ?? null,
    declaredAt: declared?.declaredAt ?? null,
  };
}

/** 检查事项总数 (docs/statistics.md): declared by the department, read by the county's assessment figures. */
@Resolver()
export class MatterTotalResolver {
  @Mutation(() => InspectionMatterCount, {
    description:
      "申报本部门某年度的检查事项总数（不少于已公布的随机抽查事项数；本部门管理员或县级协调人）/ declare the year's total of inspection matters",
  })
  async declareInspectionMatterTotal(
    @OwnDepartment() department: string,
    @Arg("year", () => Int, { description: "年度 / year" }) year: number,
    @Arg("total", () => Int, { description: "检查事项总数 / total of enforcement inspection matters" }) total: number,
    @Ctx() ctx: DepartmentContext,
  ): Promise<InspectionMatterCount> {
    const i = ctx.identity;
    if (!((i.role === Role.DEPARTMENT_ADMIN && i.department === department) || i.role === Role.COUNTY_COORDINATOR))
      throw forbidden(i, "申报检查事项总数", { department });
    requireStatisticsYear(year);
    await ctx.em.transactional(async (tx) => {
      const published = await publishedMatters({ ...ctx, em: tx });
      requireMatterTotal(total, published);
      await tx.upsert(InspectionMatterTotal, { year, total, declaredBy: ctx.actor, declaredAt: new Date() });
    });
    return countOf(ctx, year);
  }

  @Query(() => InspectionMatterCount, {
    description: "本部门某年度的随机抽查事项数与检查事项总数（登录用户）/ the year's random-inspection matters and declared total",
  })
  inspectionMatterCount(
    @OwnDepartment() department: string,
    @Arg("year", () => Int, { description: "年度 / year" }) year: number,
    @Ctx() ctx: DepartmentContext,
  ): Promise<InspectionMatterCount> {
    if (ctx.identity.role === Role.PUBLIC) throw forbidden(ctx.identity, "查看检查事项总数", { department });
    return countOf(ctx, requireStatisticsYear(year));
  }
}
