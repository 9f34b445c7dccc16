import { AppError, ErrorCode } from "./errors.js";

/** Calendar dates are China's (Asia/Shanghai), whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A calendar day written YYYY-MM-DD that exists (2027-02-30 does not). */
export function validateDate(value: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `日期格式应为 YYYY-MM-DD，收到「${value}」`, { field });
  }
  return value;
}
