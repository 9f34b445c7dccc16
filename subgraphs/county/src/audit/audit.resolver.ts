import { AuditChainConnection, AuditEventConnection, AuditFilter, auditChainsPage, auditLogPage, PageArgs } from "@ssj/shared";
import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { CountyContext } from "../context.js";

/** The county's own audit log for auditors: registry, plans, draws, the mutations chain and refused calls. */
@Resolver()
export class CountyAuditResolver {
  @Query(() => AuditEventConnection, { description: "县级服务的审计记录（仅审计人员）/ the county's audit log, auditors only" })
  auditLog(
    @Arg("filter", () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    return auditLogPage(ctx.em, ctx.identity, filter, page);
  }

  @Query(() => AuditChainConnection, { description: "县级服务的各条哈希链及校验（仅审计人员）/ the county's chains, verified" })
  auditChains(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    return auditChainsPage(ctx.em, ctx.identity, page);
  }
}
