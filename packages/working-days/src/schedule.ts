import { isIsoDate, isWeekend, yearOf } from "./dates.js";

/**
 * One year's official schedule (国务院办公厅关于节假日安排的通知): the days off that would otherwise be
 * working days or weekends (holidays) and the weekend days made working days (调休上班).
 */
export interface YearSchedule {
  year: number;
  holidays: string[];
  /** Weekend days that are working days (调休). */
  workdays: string[];
}

/** Why a calendar file is refused: an English code and a message a clerk understands. */
export class CalendarError extends Error {
  constructor(
    readonly code: "INVALID_CALENDAR" | "INVALID_DATE_FORMAT" | "DATE_OUTSIDE_YEAR" | "HOLIDAY_AND_WORKDAY" | "WORKDAY_NOT_WEEKEND",
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "CalendarError";
  }
}

/**
 * Checks a year's schedule as an admin loads it, e.g.
 * `{"year": 2027, "holidays": ["2027-04-05"], "workdays": ["2027-02-20"]}`. Refuses dates not written
 * `YYYY-MM-DD`, dates of another year, a day listed both as holiday and as working day, and a working
 * day that is not a weekend (调休 only ever moves weekends; a weekday listed there is a typing error).
 */
export function parseYearSchedule(input: unknown): YearSchedule {
  if (typeof input !== "object" || input === null)
    throw new CalendarError("INVALID_CALENDAR", '日历文件须为 JSON 对象：{"year": 2027, "holidays": [...], "workdays": [...]}');
  const o = input as Record<string, unknown>;
  const year = o.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 2000 || year > 2100)
    throw new CalendarError("INVALID_CALENDAR", "日历年份须为 2000–2100 之间的整数", { field: "year" });
  const list = (field: "holidays" | "workdays", label: string): string[] => {
    const v = o[field] ?? [];
    if (!Array.isArray(v)) throw new CalendarError("INVALID_CALENDAR", `${label}须为日期列表`, { field });
    for (const d of v) {
      if (typeof d !== "string" || !isIsoDate(d))
        throw new CalendarError(
          "INVALID_DATE_FORMAT",
          `${label}中的日期「${String(d)}」格式无法识别，应写作 YYYY-MM-DD（如 ${year}-04-05）`,
          {
            field,
            value: String(d),
          },
        );
      if (yearOf(d) !== year) throw new CalendarError("DATE_OUTSIDE_YEAR", `${label}中的日期 ${d} 不属于 ${year} 年`, { field, value: d });
    }
    return [...new Set(v as string[])].sort();
  };
  const holidays = list("holidays", "节假日");
  const workdays = list("workdays", "调休上班日");
  const both = holidays.find((d) => workdays.includes(d));
  if (both) throw new CalendarError("HOLIDAY_AND_WORKDAY", `${both} 同时被列为节假日和调休上班日，请核对`, { value: both });
  const weekday = workdays.find((d) => !isWeekend(d));
  if (weekday)
    throw new CalendarError("WORKDAY_NOT_WEEKEND", `调休上班日 ${weekday} 不是周末：只有周六、周日才需列为调休上班日`, { value: weekday });
  return { year, holidays, workdays };
}
