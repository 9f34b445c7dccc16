import { AppError, ErrorCode } from "@ssj/shared";
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
