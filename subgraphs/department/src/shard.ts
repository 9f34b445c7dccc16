import { AppError, assertCanReadBooks, assertCanWriteBooks, canReadBooks, ErrorCode } from "@ssj/shared";
import type { DepartmentContext } from "./context.js";

/**
 * The gateway routes every fetch to the instance of the department it names. An instance still checks
 * that the department named is its own: one department's books are never served or changed by another
 * department's instance, even when a request is misrouted or sent directly.
 */
export function assertOwnDepartment(ctx: DepartmentContext, department: string | undefined | null): void {
  if (department !== ctx.department.code) {
    throw new AppError(
      ErrorCode.WRONG_DEPARTMENT,
      `本服务只管理「${ctx.department.name}」（${ctx.department.code}）的数据，不能处理部门「${department ?? ""}」的请求`,
      { department, servedBy: ctx.department.code },
    );
  }
}

/** A change to this department's books: routed here, and asked by this department's own admin. */
export function assertWritable(ctx: DepartmentContext, department: string | undefined | null): void {
  assertOwnDepartment(ctx, department);
  assertCanWriteBooks(ctx.identity, ctx.department.code);
}

/** Whether the caller sees the non-public part of these books (risk classes, histories, full numbers). */
export function seesBooks(ctx: DepartmentContext): boolean {
  return canReadBooks(ctx.identity, ctx.department.code);
}

/** Refuses the non-public part of these books to whoever may not see it. */
export function guardBooks(ctx: DepartmentContext, _what: string): void {
  assertCanReadBooks(ctx.identity, ctx.department.code);
}
