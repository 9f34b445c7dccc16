import { AppError, ErrorCode } from "./errors.js";

/** The first year of the 双随机、一公开 regime (国办发〔2015〕58号): no figure is kept or asked for before it. */
export const FIRST_STATISTICS_YEAR = 2015;

/**
 * A year an assessment figure may be declared or asked for: from 2015 to next year in Beijing time (a department
 * declares its matters ahead of its plans). Shared by the department's declaration and the county's figures.
 */
export function requireStatisticsYear(year: number, today: Date = new Date()): number {
  const next = Number(today.toLocaleString("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" })) + 1;
  if (!Number.isInteger(year) || year < FIRST_STATISTICS_YEAR || year > next)
    throw new AppError(ErrorCode.INVALID_YEAR, `年度须在 ${FIRST_STATISTICS_YEAR} 至 ${next} 年之间`, { field: "year", value: year });
  return year;
}
