import { AppError, ErrorCode, forbidden, Role } from "@ssj/shared";
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { seesAll } from "../access.js";
import type { CountyContext } from "../context.js";
import { matterFrequencies } from "./matter-frequency.js";
import { Plan, PlanStatus } from "./plan.entity.js";

@ObjectType("MatterFrequency", { description: "事项年度抽查次数对照 / how often a matter was planned in a year against its frequency" })
export class MatterFrequency {
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => String, { description: "事项编码 / matter code" }) code!: string;
  @Field(() => String, { description: "事项名称 / name" }) name!: string;
  @Field(() => Int, { description: "本年度列入的有效计划数 / active plans of the year carrying it" }) planned!: number;
  @Field(() => Int, { nullable: true, description: "事项要求的每年抽查次数（旧计划未记录则为空）/ yearly frequency the matter asks for" })
  yearlyFrequency!: number | null;
  @Field(() => Boolean, { description: "计划次数少于要求 / planned fewer times than asked" }) behind!: boolean;
}

@Resolver()
export class MatterFrequencyResolver {
  @Query(() => [MatterFrequency], {
    description:
      "各事项本年度计划次数与要求的年度抽查频次对照（协调员、审计、部门人员看本部门）/ per matter: plans of the year vs its yearly frequency",
  })
  async matterFrequencies(
    @Arg("year", () => Int, { description: "年度（按计划实施期开始日期）/ year, by the plan window's start" }) year: number,
    @Ctx() ctx: CountyContext,
  ): Promise<MatterFrequency[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "年度应为 2000–2100 之间的整数", { field: "year" });
    const i = ctx.identity;
    const own = i.role === Role.DEPARTMENT_ADMIN || i.role === Role.INSPECTOR ? i.department : null;
    if (!seesAll(i) && !own) throw forbidden(i, "查看事项年度抽查次数");
    const plans = await ctx.em.find(
      Plan,
      { status: PlanStatus.ACTIVE, windowStart: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { fields: ["id", "matters"] },
    );
    return matterFrequencies(plans)
      .filter((r) => !own || r.department === own)
      .map((r) => ({ ...r, behind: r.yearlyFrequency !== null && r.planned < r.yearlyFrequency }));
  }
}
