import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "./calendar.js";
import { CalendarError, parseYearSchedule } from "./schedule.js";

/** 2027 as an admin would load it (清明 5 April; a 调休 Saturday 9 October). */
const y2027 = parseYearSchedule({
  year: 2027,
  holidays: ["2027-04-05", "2027-10-01", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"],
  workdays: ["2027-10-09"],
});

describe("WorkingCalendar", () => {
  it("SCENARIOS §4: a visit ending Thursday 8 April 2027 is due Tuesday 13 April (weekend 10–11 April)", () => {
    const cal = new WorkingCalendar([y2027]);
    expect(cal.sourceOf(2027)).toBe("CONFIGURED");
    expect(cal.addWorkingDays("2027-04-08", 3)).toEqual({ date: "2027-04-13", provisional: false });
  });

  it("skips a configured holiday (清明 5 April 2027) the package does not know", () => {
    expect(new WorkingCalendar([y2027]).addWorkingDays("2027-04-01", 3)).toEqual({ date: "2027-04-07", provisional: false });
  });

  it("marks the due date provisional for a year with no schedule, instead of silently counting 清明", () => {
    const cal = new WorkingCalendar();
    expect(cal.sourceOf(2027)).toBe("NONE");
    expect(cal.addWorkingDays("2027-04-01", 3)).toEqual({ date: "2027-04-06", provisional: true });
    expect(cal.addWorkingDays("2027-04-08", 3)).toEqual({ date: "2027-04-13", provisional: true });
  });

  it("counts a 调休 Saturday as a working day (configured year)", () => {
    // Friday 8 October 2027 → Saturday 9 (调休, 1), Monday 11 (2), Tuesday 12 (3).
    expect(new WorkingCalendar([y2027]).addWorkingDays("2027-10-08", 3)).toEqual({ date: "2027-10-12", provisional: false });
  });

  it("counts a 调休 Saturday as a working day (year shipped by chinese-days)", () => {
    const cal = new WorkingCalendar();
    expect(cal.sourceOf(2026)).toBe("PACKAGE");
    // Friday 13 February 2026 → Saturday 14 (调休, 1); 15–23 春节; Tuesday 24 (2), Wednesday 25 (3).
    expect(cal.addWorkingDays("2026-02-13", 3)).toEqual({ date: "2026-02-25", provisional: false });
  });

  it("lets a configured year replace the package's schedule", () => {
    const cal = new WorkingCalendar([{ year: 2026, holidays: [], workdays: [] }]);
    expect(cal.sourceOf(2026)).toBe("CONFIGURED");
    expect(cal.addWorkingDays("2026-02-13", 3)).toEqual({ date: "2026-02-18", provisional: false });
  });

  it("becomes provisional as soon as the count crosses into an unknown year", () => {
    expect(new WorkingCalendar().addWorkingDays("2026-12-30", 3)).toEqual({ date: "2027-01-04", provisional: true });
  });
});

describe("parseYearSchedule", () => {
  const refused = (input: unknown) => {
    try {
      parseYearSchedule(input);
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarError);
      return (e as CalendarError).code;
    }
    throw new Error("accepted");
  };

  it("refuses an unknown date format with a clear message", () => {
    expect(refused({ year: 2027, holidays: ["2027/04/05"] })).toBe("INVALID_DATE_FORMAT");
    expect(refused({ year: 2027, holidays: ["2027-02-30"] })).toBe("INVALID_DATE_FORMAT");
    expect(() => parseYearSchedule({ year: 2027, holidays: ["5 April"] })).toThrow(/格式无法识别.*YYYY-MM-DD/);
  });

  it("refuses a day both holiday and working day", () => {
    expect(refused({ year: 2027, holidays: ["2027-10-09"], workdays: ["2027-10-09"] })).toBe("HOLIDAY_AND_WORKDAY");
  });

  it("refuses dates of another year, weekday 调休 days and a missing year", () => {
    expect(refused({ year: 2027, holidays: ["2026-10-01"] })).toBe("DATE_OUTSIDE_YEAR");
    expect(refused({ year: 2027, workdays: ["2027-10-08"] })).toBe("WORKDAY_NOT_WEEKEND");
    expect(refused({ holidays: [] })).toBe("INVALID_CALENDAR");
    expect(refused("2027")).toBe("INVALID_CALENDAR");
  });

  it("sorts and de-duplicates", () => {
    expect(parseYearSchedule({ year: 2027, holidays: ["2027-10-02", "2027-10-01", "2027-10-02"] })).toEqual({
      year: 2027,
      holidays: ["2027-10-01", "2027-10-02"],
      workdays: [],
    });
  });
});
