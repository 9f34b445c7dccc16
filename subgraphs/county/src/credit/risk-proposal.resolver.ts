import { canReadBooks, forbidden, keysetPage, PageArgs, parseId } from "@ssj/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Finding } from "../inspections/finding.entity.js";
import { OnSiteRecord } from "../inspections/on-site.entity.js";
import { resultCode, resultLabel } from "../inspections/result-codes.js";
import { SupervisionRecordRef } from "../subjects/subject.type.js";
import { publishedFor } from "./published-for.js";
import { RecordInspection } from "./record-inspection.type.js";
import { RiskProposal, RiskProposalConnection, RiskProposalStatus } from "./risk-proposal.entity.js";
import { applyRiskProposals, rejectRiskProposals } from "./risk-proposal.service.js";
import { RiskRule } from "./risk-rule.type.js";
import { RISK_RULES } from "./risk-rules.js";

const idsArg = () => Arg("ids", () => [ID], { description: "建议编号 / proposal ids" });

/** The credit feedback (docs/credit.md): the rule, the proposals and their decisions. */
@Resolver(() => RiskProposal)
export class RiskProposalResolver {
  @Query(() => [RiskRule], {
    description: "风险分类调整规则（各版本，最后一条为现行）/ the proposal rule, every version, the last in force",
  })
  riskRules(): RiskRule[] {
    return RISK_RULES.map((r, i) => ({ ...r, upOn: [...r.upOn], clean: [...r.clean], current: i === RISK_RULES.length - 1 }));
  }

  @Query(() => RiskProposalConnection, { description: "本部门的风险分类调整建议 / a department's risk-class proposals" })
  riskProposals(
    @Arg("department", () => String, { description: "部门编码 / department" }) department: string,
    @Arg("status", () => RiskProposalStatus, { nullable: true, description: "按状态筛选 / filter by state" })
    status: RiskProposalStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    if (!canReadBooks(ctx.identity, department)) throw forbidden(ctx.identity, "查看风险分类调整建议");
    const where = () => (status ? { department, status } : { department });
    return keysetPage<RiskProposal>(
      page,
      (p) => p.id,
      (after, limit) =>
        ctx.em.find(RiskProposal, after === null ? where() : { ...where(), id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(RiskProposal, where()),
    );
  }

  @Mutation(() => [RiskProposal], {
    description:
      "批量采纳风险分类调整建议（本部门管理员；记录变更历史）/ apply proposals: the records move one class, with the reason in their history",
  })
  applyRiskProposals(@idsArg() ids: string[], @Ctx() ctx: CountyContext) {
    return applyRiskProposals(
      ctx,
      ids.map((id) => parseId(id)),
    );
  }

  @Mutation(() => [RiskProposal], { description: "批量驳回风险分类调整建议（须写明理由）/ reject proposals, with a reason" })
  rejectRiskProposals(
    @idsArg() ids: string[],
    @Arg("reason", () => String, { description: "驳回理由 / reason" }) reason: string,
    @Ctx() ctx: CountyContext,
  ) {
    return rejectRiskProposals(
      ctx,
      ids.map((id) => parseId(id)),
      reason,
    );
  }
}

/** What the county adds to a department's record: its published results and the proposals they made. */
@Resolver(() => SupervisionRecordRef)
export class RecordCreditResolver {
  @FieldResolver(() => [RecordInspection], {
    nullable: true,
    description:
      "本部门记录下该主体已公示的抽查结果（含上级部门全系统抽查从本部门名录抽中的检查；从旧到新；本部门、协调员、审计可见）/ the published results on the subject that belong to this department's record (an upper level's whole-system visits drawn from its directory included), oldest first",
  })
  async inspections(@Root() record: SupervisionRecordRef, @Ctx() ctx: CountyContext): Promise<RecordInspection[]> {
    if (!canReadBooks(ctx.identity, record.department)) throw forbidden(ctx.identity, "查看监管记录的抽查历史");
    const reports = await publishedFor(ctx.em, record.uscc, record.department);
    const ids = reports.map((r) => r.visitId);
    const [findings, onSite] = await Promise.all([
      ctx.em.find(Finding, { visitId: { $in: ids } }),
      ctx.em.find(OnSiteRecord, { visitId: { $in: ids } }),
    ]);
    return reports.map((r) => ({
      visitId: r.visitId,
      department: r.department,
      inspectedOn: onSite.find((o) => o.visitId === r.visitId)?.endDate ?? null,
      publishedAt: r.publishedAt!,
      results: findings
        .filter((f) => f.visitId === r.visitId && f.department === r.department)
        .map((f) => ({ result: f.result, code: resultCode(f.result), label: resultLabel(f.result) })),
      handling: r.handling || null,
    }));
  }

  @FieldResolver(() => [RiskProposal], { nullable: true, description: "该主体的风险分类调整建议 / risk-class proposals on the subject" })
  riskProposals(@Root() record: SupervisionRecordRef, @Ctx() ctx: CountyContext) {
    if (!canReadBooks(ctx.identity, record.department)) throw forbidden(ctx.identity, "查看风险分类调整建议");
    return ctx.em.find(RiskProposal, { department: record.department, uscc: record.uscc }, { orderBy: { id: "asc" } });
  }
}
