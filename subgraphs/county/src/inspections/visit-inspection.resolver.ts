import { AuditEvent } from "@ssj/shared";
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Visit } from "../visits/visit.entity.js";
import { Evidence } from "./evidence.entity.js";
import { Finding } from "./finding.entity.js";
import { OnSiteRecord } from "./on-site.entity.js";
import { InspectionReport } from "./report.entity.js";
import { seesVisitBooks } from "./visit-access.js";
import { verifyVisit, visitChain } from "./visit-chain.js";
import { ReportStatus } from "./visit-outcome.js";

@ObjectType("VisitVerification", { description: "检查全过程记录的校验结果 / verification of a visit's chain" })
export class VisitVerification {
  @Field(() => Boolean, { description: "哈希链完整且数据与链一致 / chain intact and data matching it" }) ok!: boolean;
  @Field(() => Boolean, { description: "哈希链完整 / every hash holds" }) chainValid!: boolean;
  @Field(() => Int, { nullable: true, description: "首个断裂处的序号 / first broken entry" }) brokenAt!: number | null;
  @Field(() => Boolean, { description: "已存的结果、证据、报告与链上最后摘要一致 / stored rows match the last digest" })
  dataMatches!: boolean;
  @Field(() => Int, { description: "记录条数 / entries" }) length!: number;
}

/**
 * The inspection's part of `Visit`. The on-site record, findings, evidence, drafts and the chain are
 * for the visit's team, its departments' admins and reviewers, the coordinator and auditors; anybody
 * else sees only published reports (and through them `publishedResults`).
 */
@Resolver(() => Visit)
export class VisitInspectionResolver {
  @FieldResolver(() => OnSiteRecord, { nullable: true, description: "现场检查记录 / the on-site record" })
  onSite(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    return seesVisitBooks(ctx.identity, visit, ctx.oversees) ? ctx.em.findOne(OnSiteRecord, { visitId: visit.id }) : null;
  }

  @FieldResolver(() => [Finding], { description: "各事项的检查结果 / the findings" })
  async findings(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    if (seesVisitBooks(ctx.identity, visit, ctx.oversees))
      return ctx.em.find(Finding, { visitId: visit.id }, { orderBy: { matter: "asc" } });
    const published = await ctx.em.find(
      InspectionReport,
      { visitId: visit.id, status: ReportStatus.PUBLISHED },
      { fields: ["department"] },
    );
    if (!published.length) return [];
    return ctx.em.find(
      Finding,
      { visitId: visit.id, department: { $in: published.map((r) => r.department) } },
      { orderBy: { matter: "asc" } },
    );
  }

  @FieldResolver(() => [Evidence], { description: "证据（下载：GET /visits/:id/evidence/:sha256）/ evidence" })
  evidence(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    return seesVisitBooks(ctx.identity, visit, ctx.oversees)
      ? ctx.em.find(Evidence, { visitId: visit.id }, { orderBy: { id: "asc" } })
      : [];
  }

  @FieldResolver(() => [InspectionReport], { description: "各部门的抽查报告（公众只见已公示的）/ each department's report" })
  reports(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    const where = seesVisitBooks(ctx.identity, visit, ctx.oversees)
      ? { visitId: visit.id }
      : { visitId: visit.id, status: ReportStatus.PUBLISHED };
    return ctx.em.find(InspectionReport, where, { orderBy: { department: "asc" } });
  }

  @FieldResolver(() => [AuditEvent], { description: "检查全过程记录（哈希链）/ the visit's hash-chained log" })
  history(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    return seesVisitBooks(ctx.identity, visit, ctx.oversees)
      ? ctx.em.find(AuditEvent, { chain: visitChain(visit.id) }, { orderBy: { seq: "asc" } })
      : [];
  }

  @FieldResolver(() => VisitVerification, { nullable: true, description: "校验检查的哈希链及已存数据 / verify the visit's chain and data" })
  verification(@Root() visit: Visit, @Ctx() ctx: CountyContext) {
    return seesVisitBooks(ctx.identity, visit, ctx.oversees) ? verifyVisit(ctx.em, visit) : null;
  }
}
