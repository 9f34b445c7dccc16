import { connectionType, keysetPage, PageArgs } from "@ssj/shared";
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { assertCoordinator, seesAll } from "../access.js";
import type { CountyContext } from "../context.js";
import { Department, DepartmentStatus } from "./department.entity.js";
import { RegisterDepartmentInput, UpdateDepartmentInput } from "./department.input.js";
import { deregisterDepartment, registerDepartment, updateDepartment } from "./department.service.js";

export const DepartmentConnection = connectionType(Department, "Department", "部门");

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: "已登记的部门 / registered departments" })
  departments(
    @Arg("includeDeregistered", () => Boolean, { defaultValue: false, description: "包括已注销的部门 / include deregistered" })
    includeDeregistered: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    const where = includeDeregistered ? {} : { status: DepartmentStatus.ACTIVE };
    return keysetPage<Department>(
      page,
      (d) => d.id,
      (afterKey, limit) =>
        ctx.em.find(Department, afterKey === null ? where : { ...where, id: { $gt: afterKey } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Department, where),
    );
  }

  @Query(() => Department, { nullable: true, description: "按编码查询部门 / one department by code" })
  department(@Arg("code", () => String) code: string, @Ctx() ctx: CountyContext) {
    return ctx.loaders.departmentByCode.load(code);
  }

  @Mutation(() => Department, {
    description: "登记部门（登记后网关即可路由到该部门）/ register a department; the gateway routes to it at once",
  })
  registerDepartment(@Arg("input", () => RegisterDepartmentInput) input: RegisterDepartmentInput, @Ctx() ctx: CountyContext) {
    assertCoordinator(ctx.identity, "登记部门");
    return registerDepartment(ctx.em, input);
  }

  @Mutation(() => Department, { description: "修改部门登记信息 / update a registration" })
  updateDepartment(
    @Arg("code", () => String) code: string,
    @Arg("input", () => UpdateDepartmentInput) input: UpdateDepartmentInput,
    @Ctx() ctx: CountyContext,
  ) {
    assertCoordinator(ctx.identity, "修改部门登记");
    return updateDepartment(ctx.em, code, input);
  }

  @Mutation(() => Department, { description: "注销部门（记录保留）/ deregister a department, keeping its record" })
  deregisterDepartment(@Arg("code", () => String) code: string, @Ctx() ctx: CountyContext) {
    assertCoordinator(ctx.identity, "注销部门");
    return deregisterDepartment(ctx.em, code);
  }
}

/** Internal addresses are for the platform, coordinators and auditors. */
@Resolver(() => Department)
export class DepartmentUrlResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "该部门子图实例的地址（仅协调员、审计与平台服务可见）/ instance URL, internal",
  })
  url(@Root() d: Department, @Ctx() ctx: CountyContext): string | null {
    return seesAll(ctx.identity) ? d.url : null;
  }
}

export function resolveDepartmentReference(ref: { code: string }, ctx: CountyContext) {
  return ctx.loaders.departmentByCode.load(ref.code);
}
