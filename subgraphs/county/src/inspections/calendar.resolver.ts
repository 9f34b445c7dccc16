import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { CountyContext } from "../context.js";
import { CalendarYear } from "./calendar-year.entity.js";
import { loadCalendarYear, workingCalendar } from "./calendar.service.js";

@ObjectType("WorkingCalendarYear", { description: "某年的节假日安排 / one year's holiday schedule" })
export class WorkingCalendarYear {
  @Field(() => Int) year!: number;
  @Field(() => String, {
    description: "来源：CONFIGURED 已导入、PACKAGE 日历软件包自带、NONE 尚无安排（截止日期为暂定）/ where it comes from",
  })
  source!: string;
  @Field(() => [String], { description: "节假日（导入的）/ holidays, when configured" }) holidays!: string[];
  @Field(() => [String], { description: "调休上班的周末（导入的）/ working weekends, when configured" }) workdays!: string[];
  @Field(() => String, { nullable: true, description: "导入人 / loaded by" }) loadedBy!: string | null;
}

@Resolver(() => WorkingCalendarYear)
export class CalendarResolver {
  @Query(() => WorkingCalendarYear, { description: "某年的工作日历来源与安排 / a year's working calendar" })
  async workingCalendar(@Arg("year", () => Int) year: number, @Ctx() ctx: CountyContext): Promise<WorkingCalendarYear> {
    const row = await ctx.em.findOne(CalendarYear, { year });
    const source = (await workingCalendar(ctx.em)).sourceOf(year);
    return { year, source, holidays: row?.holidays ?? [], workdays: row?.workdays ?? [], loadedBy: row?.loadedBy ?? null };
  }

  @Mutation(() => WorkingCalendarYear, {
    description:
      '导入某年的节假日安排（协调员），JSON：{"year":2027,"holidays":["2027-04-05"],"workdays":["2027-10-09"]} / load a year\'s schedule',
  })
  async loadWorkingCalendar(
    @Arg("schedule", () => String, { description: "JSON 文本 / the schedule as JSON text" }) text: string,
    @Ctx() ctx: CountyContext,
  ) {
    const s = await loadCalendarYear(ctx.em, ctx.identity, ctx.actor, text);
    return { ...s, source: "CONFIGURED", loadedBy: ctx.actor };
  }
}
