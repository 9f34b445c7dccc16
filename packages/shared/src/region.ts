import { AppError, ErrorCode } from "./errors.js";

/** 行政区划代码: 6 digits (county), 9 (township) or 12 (village), as GB/T 2260 and its extensions. */
export const REGION_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;

export function validateRegion(value: string | null | undefined, field = "region"): string {
  const v = (value ?? "").trim();
  if (!REGION_PATTERN.test(v)) {
    throw new AppError(ErrorCode.INVALID_REGION, `行政区划代码应为 6、9 或 12 位数字，收到「${v}」`, { field });
  }
  return v;
}

/** Whether `region` lies within `area` (a region code is a prefix of the codes below it). */
export function regionWithin(region: string, area: string): boolean {
  return region.startsWith(area.replace(/0+$/, "") || area);
}
