import { addDays, isWeekend, yearOf } from "./dates.js";
import { packageSchedules } from "./package-schedules.js";
import type { YearSchedule } from "./schedule.js";

/** Where a year's schedule came from. */
export type ScheduleSource = "CONFIGURED" | "PACKAGE" | "NONE";

/** A date reached by counting working days, and whether a day on the way was in a year with no schedule. */
export interface CountedDate {
  date: string;
  /** True when some counted day lies in a year nobody has published a schedule for: 清明 or 国庆 may be miscounted. */
  provisional: boolean;
}

interface Year {
  source: ScheduleSource;
  holidays: Set<string>;
  workdays: Set<string>;
}

/**
 * Working days in China: a configured schedule for a year (loaded by an admin once the State Council
 * publishes it) wins over the `chinese-days` package; a year neither knows counts weekdays only and
 * marks every answer that depends on it provisional, never a silent guess.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, Year>();

  constructor(configured: YearSchedule[] = [], shipped: Map<number, YearSchedule> = packageSchedules()) {
    for (const s of shipped.values()) this.years.set(s.year, toYear("PACKAGE", s));
    for (const s of configured) this.years.set(s.year, toYear("CONFIGURED", s));
  }

  sourceOf(year: number): ScheduleSource {
    return this.years.get(year)?.source ?? "NONE";
  }

  /** Whether `date` is a working day, and whether that answer is only provisional. */
  isWorkingDay(date: string): { working: boolean; provisional: boolean } {
    const y = this.years.get(yearOf(date));
    if (!y) return { working: !isWeekend(date), provisional: true };
    if (y.holidays.has(date)) return { working: false, provisional: false };
    if (y.workdays.has(date)) return { working: true, provisional: false };
    return { working: !isWeekend(date), provisional: false };
  }

  /** The `n`-th working day after `date` (`date` itself not counted): 3 after Thursday 8 April 2027 is Tuesday 13 April. */
  addWorkingDays(date: string, n: number): CountedDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
    let d = date;
    let provisional = false;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      const w = this.isWorkingDay(d);
      provisional ||= w.provisional;
      if (w.working) left--;
    }
    return { date: d, provisional };
  }
}

function toYear(source: ScheduleSource, s: YearSchedule): Year {
  return { source, holidays: new Set(s.holidays), workdays: new Set(s.workdays) };
}
