import { AppError, ErrorCode, forbidden, requireStatisticsYear, Role } from "@ssj/shared";
import { chinaDateOf } from "@ssj/working-days";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { seesAll } from "../access.js";
import type { CountyContext } from "../context.js";
import { Department, DepartmentStatus } from "../departments/department.entity.js";
import { requireDate } from "../handling/handling.rules.js";
import { doorKnocksSaved } from "./statistics.queries.js";
import { statisticsOf } from "./statistics.service.js";
import { CountyStatistics } from "./statistics.types.js";

/**
 * 考核指标 (docs/statistics.md): the county's figures for a year, per department. Auditors and the coordinator see
 * every department; a department admin sees its own (and must name it). A constant number of SQL statements per
 * department, whatever the data size (test/statistics.test.ts counts them).
 */
@Resolver()
export class StatisticsResolver {
  @Query(() => CountyStatistics, {
    description:
      "县级考核指标：随机抽查事项占比、计划完成、检查状态、报告按时、20 个工作日内公示、发现问题、减少上门、工作量、计划外检查、移送（审计、县级协调人看全县，部门管理员看本部门）/ the county's assessment figures",
  })
  async countyStatistics(
    @Arg("year", () => Int, { description: "年度（检查创建于该年，北京时间）/ year" }) year: number,
    @Arg("region", () => String, { nullable: true, description: "行政区划代码前缀：只含该区划的部门 / region prefix of the departments" })
    region: string | null,
    @Arg("department", () => String, { nullable: true, description: "只看一个部门 / one department only" }) department: string | null,
    @Arg("asOf", () => String, {
      nullable: true,
      description: "逾期的计算基准日（YYYY-MM-DD，默认今天，北京时间）/ the day overdue figures are measured against; today by default",
    })
    asOf: string | null,
    @Ctx() ctx: CountyContext,
  ): Promise<CountyStatistics> {
    region ??= null;
    department ??= null;
    const i = ctx.identity;
    const own = i.role === Role.DEPARTMENT_ADMIN && department !== null && i.department === department;
    if (!(seesAll(i) || own))
      throw forbidden(i, department ? `查看部门「${department}」的考核指标` : "查看全县考核指标", department ? { department } : {});
    requireStatisticsYear(year);
    const day = asOf ? requireDate(asOf, "asOf", "基准日") : chinaDateOf(new Date());
    if (region !== null && !/^\d{2,12}$/.test(region))
      throw new AppError(ErrorCode.INVALID_REGION, "行政区划代码应为 2–12 位数字", { field: "region", value: region });
    const all = await ctx.em.find(
      Department,
      {
        status: DepartmentStatus.ACTIVE,
        ...(department ? { code: department } : {}),
        ...(region ? { region: { $like: `${region}%` } } : {}),
      },
      { orderBy: { code: "asc" } },
    );
    if (department && !all.length)
      throw new AppError(ErrorCode.UNKNOWN_DEPARTMENT, `部门「${department}」未在本县登记或不在该区划`, { department });
    const [departments, saved] = await Promise.all([
      Promise.all(all.map((d) => statisticsOf(ctx.em, ctx.client, d, year, day))),
      doorKnocksSaved(
        ctx.em,
        year,
        all.map((d) => d.code),
      ),
    ]);
    return { year, region, asOf: day, departments, doorKnocksSaved: saved };
  }
}
