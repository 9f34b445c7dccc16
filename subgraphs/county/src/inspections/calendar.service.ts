import type { EntityManager } from "@mikro-orm/core";
import { AppError, appendAudit, ErrorCode, assertRole, Role, type Identity } from "@ssj/shared";
import { CalendarError, parseYearSchedule, WorkingCalendar, type YearSchedule } from "@ssj/working-days";
import { CalendarYear } from "./calendar-year.entity.js";

export const calendarChain = (year: number) => `calendar:${year}`;

/** The working-day calendar as configured now: loaded years over the `chinese-days` package. */
export async function workingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const rows = await em.find(CalendarYear, {});
  return new WorkingCalendar(rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays })));
}

/**
 * Loads (or replaces) one year's schedule from its JSON text — the coordinator's job once the State
 * Council publishes it. Audited on the `calendar:<year>` chain. Reports already due keep their dates.
 */
export async function loadCalendarYear(em: EntityManager, identity: Identity, actor: string, text: string): Promise<YearSchedule> {
  assertRole(identity, [Role.COUNTY_COORDINATOR], "导入节假日安排");
  let schedule: YearSchedule;
  try {
    schedule = parseYearSchedule(JSON.parse(text));
  } catch (e) {
    if (e instanceof CalendarError) throw new AppError(e.code, e.message, e.details);
    if (e instanceof SyntaxError) throw new AppError(ErrorCode.INVALID_CALENDAR, "节假日安排须为 JSON 文本，无法解析", {});
    throw e;
  }
  return em.transactional(async (tx) => {
    const row = await tx.findOne(CalendarYear, { year: schedule.year });
    if (row) Object.assign(row, { holidays: schedule.holidays, workdays: schedule.workdays, loadedBy: actor, loadedAt: new Date() });
    else tx.create(CalendarYear, { ...schedule, loadedBy: actor });
    await appendAudit(tx, calendarChain(schedule.year), row ? "CALENDAR_REPLACED" : "CALENDAR_LOADED", actor, schedule, schedule);
    return schedule;
  });
}
