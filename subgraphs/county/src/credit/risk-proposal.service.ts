import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, forbidden, requireText, Role } from "@ssj/shared";
import type { CountyContext } from "../context.js";
import { Department } from "../departments/department.entity.js";
import { Finding } from "../inspections/finding.entity.js";
import { InspectionReport } from "../inspections/report.entity.js";
import { directoryOf, type Visit } from "../visits/visit.entity.js";
import { publishedFor } from "./published-for.js";
import { RiskDirectionEnum, RiskProposal, RiskProposalStatus } from "./risk-proposal.entity.js";
import { currentRiskRule, proposeRiskChange } from "./risk-rules.js";

/**
 * Runs inside `publishReport`'s transaction: the published results on this subject that belong to the record
 * this result belongs to, oldest first, through the rule in force. That record is the department's own, or, for
 * a subject a whole-system plan drew from a lower-level unit's directory, the unit's (`directoryOf`): the city
 * keeps no record of it, and the unit's admin decides. A proposal is made with the result or not at all, so no
 * published result is ever missed by the credit feedback (no delivery to lose).
 */
export async function proposeAfterPublish(tx: EntityManager, visit: Visit, report: InspectionReport): Promise<void> {
  await tx.flush();
  const book = directoryOf(visit, report.department);
  const published = await publishedFor(tx, visit.uscc, book);
  const findings = await tx.find(Finding, { visitId: { $in: published.map((r) => r.visitId) } });
  const history = published.map((r) =>
    findings.filter((f) => f.visitId === r.visitId && f.department === r.department).map((f) => f.result as string),
  );
  const rule = currentRiskRule();
  const proposal = proposeRiskChange(rule, history);
  if (!proposal) return;
  tx.create(RiskProposal, {
    department: book,
    uscc: visit.uscc,
    visitId: visit.id,
    reportId: report.id,
    direction: proposal.direction as RiskDirectionEnum,
    reason: proposal.reason,
    ruleVersion: rule.version,
  });
}

const MAX_BATCH = 500;

/** The proposals named, all of one department whose admin is the caller, all still pending. */
async function pendingOf(
  tx: EntityManager,
  ctx: CountyContext,
  ids: number[],
  what: string,
): Promise<{ proposals: RiskProposal[]; department: string }> {
  if (!ids.length) throw new AppError(ErrorCode.REQUIRED_FIELD, "请至少选择一条风险分类调整建议", { field: "ids" });
  if (ids.length > MAX_BATCH) throw new AppError(ErrorCode.BAD_USER_INPUT, `一次最多处理 ${MAX_BATCH} 条建议`, { field: "ids" });
  const unique = [...new Set(ids)];
  const proposals = await tx.find(RiskProposal, { id: { $in: unique } }, { orderBy: { id: "asc" } });
  const missing = unique.filter((id) => !proposals.some((p) => p.id === id));
  if (missing.length) throw new AppError(ErrorCode.NOT_FOUND, `风险分类调整建议 ${missing.join("、")} 不存在`, { ids: missing });
  const departments = [...new Set(proposals.map((p) => p.department))];
  const i = ctx.identity;
  if (departments.length !== 1 || i.role !== Role.DEPARTMENT_ADMIN || i.department !== departments[0]) throw forbidden(i, what);
  const decided = proposals.filter((p) => p.status !== RiskProposalStatus.PENDING);
  if (decided.length)
    throw new AppError(
      ErrorCode.RISK_PROPOSAL_DECIDED,
      `建议 ${decided.map((p) => p.id).join("、")} 已处理过（已采纳或已驳回），不能再次处理`,
      {
        ids: decided.map((p) => p.id),
      },
    );
  // the guarded move: a concurrent second decision on the same proposals finds nothing pending
  const n = await tx.nativeUpdate(
    RiskProposal,
    { id: { $in: unique }, status: RiskProposalStatus.PENDING },
    { status: RiskProposalStatus.PENDING },
  );
  if (n !== unique.length) throw new AppError(ErrorCode.RISK_PROPOSAL_DECIDED, "所选建议正在被他人处理，请刷新后重试");
  return { proposals, department: departments[0]! };
}

/**
 * 采纳: the department's instance moves each record one class, with the proposal's reason in the
 * record's history, then the proposals are marked applied — in the county's transaction, so a
 * department that cannot be reached leaves every proposal pending (DEPARTMENT_UNAVAILABLE).
 */
export async function applyRiskProposals(ctx: CountyContext, ids: number[]): Promise<RiskProposal[]> {
  return ctx.em.transactional(async (tx) => {
    const { proposals, department } = await pendingOf(tx, ctx, ids, "采纳风险分类调整建议");
    const d = await tx.findOne(Department, { code: department });
    if (!d) throw new AppError(ErrorCode.UNKNOWN_DEPARTMENT, `部门「${department}」未登记`, { department });
    const { results } = await ctx.client.post<{ results: { proposalId: number; fromClass: string; toClass: string }[] }>(
      d,
      "/risk-classes",
      {
        department,
        approvedBy: ctx.actor,
        changes: proposals.map((p) => ({ proposalId: p.id, uscc: p.uscc, direction: p.direction, reason: p.reason })),
      },
    );
    const now = new Date();
    for (const p of proposals) {
      const r = results.find((x) => x.proposalId === p.id);
      Object.assign(p, {
        status: RiskProposalStatus.APPLIED,
        decidedBy: ctx.actor,
        decidedAt: now,
        fromClass: r?.fromClass ?? null,
        toClass: r?.toClass ?? null,
      });
    }
    return proposals;
  });
}

/** 驳回: with a written reason; the record does not change. */
export async function rejectRiskProposals(ctx: CountyContext, ids: number[], reason: string): Promise<RiskProposal[]> {
  const why = requireText(reason, "reason", "驳回理由");
  return ctx.em.transactional(async (tx) => {
    const { proposals } = await pendingOf(tx, ctx, ids, "驳回风险分类调整建议");
    const now = new Date();
    for (const p of proposals)
      Object.assign(p, { status: RiskProposalStatus.REJECTED, decidedBy: ctx.actor, decidedAt: now, decisionReason: why });
    return proposals;
  });
}
