import { AuditChainConnection, AuditEventConnection, AuditFilter, auditChainsPage, auditLogPage, PageArgs } from "@ssj/shared";
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { Department } from "../department/department.type.js";
import { assertOwnDepartment } from "../shard.js";

/**
 * A department's audit log, on its `Department` entity: the gateway sends `department(code:) { auditLog }`
 * to that department's instance, which answers from its own database.
 */
@Resolver(() => Department)
export class DepartmentAuditResolver {
  @FieldResolver(() => AuditEventConnection, {
    nullable: true,
    description: "本部门实例的审计记录（仅审计人员）/ this department's audit log, auditors only",
  })
  auditLog(
    @Root() department: Department,
    @Arg("filter", () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department.code);
    return auditLogPage(ctx.em, ctx.identity, filter, page);
  }

  @FieldResolver(() => AuditChainConnection, {
    nullable: true,
    description: "本部门实例的各条哈希链及校验（仅审计人员）/ this department's chains, verified",
  })
  auditChains(@Root() department: Department, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: DepartmentContext) {
    assertOwnDepartment(ctx, department.code);
    return auditChainsPage(ctx.em, ctx.identity, page);
  }
}
