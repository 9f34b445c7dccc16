import { connectionType, keysetPage, PageArgs } from "@ssj/shared";
import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Department, DepartmentStatus } from "./department.entity.js";
import { RegisterDepartmentInput, UpdateDepartmentInput } from "./department.input.js";
import { deregisterDepartment, registerDepartment, updateDepartment } from "./department.service.js";

export const DepartmentConnection = connectionType(Department, "Department", "部门");

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: "已登记的部门 / registered departments" })
  departments(
    @Arg("includeDeregistered", () => Boolean, { defaultValue: false, description: "包括已注销的部门 / include deregistered" }) includeDeregistered: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    const where = includeDeregistered ? {} : { status: DepartmentStatus.ACTIVE };
    return keysetPage<Department>(
      page,
      (d) => d.id,
      (afterKey, limit) => ctx.em.find(Department, afterKey === null ? where : { ...where, id: { $gt: afterKey } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Department, where),
    );
  }

  @Query(() => Department, { nullable: true, description: "按编码查询部门 / one department by code" })
  department(@Arg("code", () => String) code: string, @Ctx() ctx: CountyContext) {
    return ctx.loaders.departmentByCode.load(code);
  }

  @Mutation(() => Department, { description: "登记部门（登记后网关即可路由到该部门）/ register a department; the gateway routes to it at once" })
  registerDepartment(@Arg("input", () => RegisterDepartmentInput) input: RegisterDepartmentInput, @Ctx() ctx: CountyContext) {
    return registerDepartment(ctx.em, input);
  }

  @Mutation(() => Department, { description: "修改部门登记信息 / update a registration" })
  updateDepartment(@Arg("code", () => String) code: string, @Arg("input", () => UpdateDepartmentInput) input: UpdateDepartmentInput, @Ctx() ctx: CountyContext) {
    return updateDepartment(ctx.em, code, input);
  }

  @Mutation(() => Department, { description: "注销部门（记录保留）/ deregister a department, keeping its record" })
  deregisterDepartment(@Arg("code", () => String) code: string, @Ctx() ctx: CountyContext) {
    return deregisterDepartment(ctx.em, code);
  }
}

export function resolveDepartmentReference(ref: { code: string }, ctx: CountyContext) {
  return ctx.loaders.departmentByCode.load(ref.code);
}
