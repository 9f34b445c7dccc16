import { createRequire } from "node:module";
import type { YearSchedule } from "./schedule.js";

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cache: Map<number, YearSchedule> | undefined;

/**
 * The schedules shipped by `chinese-days`, per year. Read from its data file rather than through its
 * `isWorkday()`: that function answers for any year, treating a year it has not shipped as plain
 * weekdays, and we must know which years it really knows (docs/inspection.md, working days).
 */
export function packageSchedules(): Map<number, YearSchedule> {
  if (cache) return cache;
  const data = createRequire(import.meta.url)("chinese-days/dist/chinese-days.json") as PackageData;
  const years = new Map<number, YearSchedule>();
  const entry = (y: number) => {
    let s = years.get(y);
    if (!s) years.set(y, (s = { year: y, holidays: [], workdays: [] }));
    return s;
  };
  for (const d of Object.keys(data.holidays)) entry(Number(d.slice(0, 4))).holidays.push(d);
  for (const d of Object.keys(data.workdays)) entry(Number(d.slice(0, 4))).workdays.push(d);
  cache = years;
  return years;
}
