import { createParameterDecorator } from "type-graphql";
import type { DepartmentContext } from "./context.js";
import { assertOwnDepartment, assertWritable } from "./shard.js";

export interface OwnDepartmentOptions {
  /** A change to the books: also requires this department's own admin (see shard.ts). */
  write?: boolean;
}

/** The resolvers of every `@OwnDepartment` parameter, so that a test can tell a guarded field from a forgotten one. */
const guards = new WeakSet<object>();

/** Whether a type-graphql custom parameter resolver is the department guard. */
export function isDepartmentGuard(resolver: unknown): boolean {
  return typeof resolver === "function" && guards.has(resolver);
}

/**
 * The `department` argument and its check, as one parameter decorator.
 *
 * Why: every query and mutation of the department contract names the department it is for, and the instance
 * must refuse a department that is not its own (a misrouted or direct request would otherwise read or change
 * another department's books). Declaring the argument through this decorator is the only way to get it, so
 * no resolver can take `department` and forget the check; `own-department.test.ts` walks the schema to
 * keep it so.
 */
export function OwnDepartment(options: OwnDepartmentOptions = {}): ReturnType<typeof createParameterDecorator> {
  const resolver = ({ args, context }: { args: Record<string, unknown>; context: DepartmentContext }): string => {
    const department = args.department as string;
    if (options.write) assertWritable(context, department);
    else assertOwnDepartment(context, department);
    return department;
  };
  guards.add(resolver);
  return createParameterDecorator<DepartmentContext>(resolver, {
    arg: { name: "department", typeFunc: () => String, options: { description: "部门编码 / department code" } },
  });
}
