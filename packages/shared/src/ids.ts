import { AppError, ErrorCode } from "./errors.js";

/** GraphQL IDs are strings; our row keys are positive integers. */
export function parseId(id: string | number, field = "id"): number {
  const n = typeof id === "number" ? id : Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError(ErrorCode.BAD_USER_INPUT, `标识「${id}」无效`, { field });
  return n;
}
