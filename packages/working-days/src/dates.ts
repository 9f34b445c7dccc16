/**
 * Calendar dates as ISO strings (`2027-04-08`). Working-day arithmetic is about days, not instants:
 * keeping dates as strings and computing in UTC avoids every time-zone and daylight-saving trap.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (2027-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The day after (or `n` days after) `date`. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const isWeekend = (date: string) => weekdayOf(date) === 0 || weekdayOf(date) === 6;

/** The calendar date of an instant in China (UTC+8, no daylight saving): when an inspection "ended". */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
