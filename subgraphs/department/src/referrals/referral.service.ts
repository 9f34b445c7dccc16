import { UniqueConstraintViolationException, type EntityManager } from "@mikro-orm/core";
import { AppError, appendAudit, ErrorCode, forbidden, parseId, requireText, Role, type Identity } from "@ssj/shared";
import { Referral, ReferralStatus } from "./referral.entity.js";
import type { ReferralDeliveryInput } from "./referral.input.js";

export const referralChain = (id: number) => `referral:${id}`;

const state = (r: Referral) => ({
  id: r.id,
  status: r.status,
  declineReason: r.declineReason,
  outcome: r.outcome,
  answeredBy: r.answeredBy,
});

/** Only the county's own service identity delivers referrals (the department trusts the county for nothing else). */
export function assertCountyService(i: Identity): void {
  if (!(i.role === Role.SERVICE && i.sub === "county")) throw forbidden(i, "送达移送");
}

/**
 * 收到移送: stored once per referral id. A repeated delivery (the county did not hear the first answer)
 * returns the stored row and appends nothing, so the county's retries cannot make a second referral.
 */
export async function receiveReferral(em: EntityManager, input: ReferralDeliveryInput, actor: string): Promise<Referral> {
  const id = parseId(input.id);
  const existing = await em.findOne(Referral, { id });
  if (existing) return existing;
  try {
    return await em.transactional(async (tx) => {
      const r = tx.create(Referral, {
        id,
        fromDepartment: input.fromDepartment,
        visitId: parseId(input.visitId, "visitId"),
        uscc: input.uscc,
        matter: input.matter,
        resultCode: input.resultCode,
        resultLabel: input.resultLabel,
        finding: input.finding,
        reason: input.reason,
        evidence: input.evidence.map((e) => ({ sha256: e.sha256, mediaType: e.mediaType, size: e.size, fileName: e.fileName ?? null })),
        referredBy: input.referredBy,
        referredAt: new Date(input.referredAt),
      });
      await tx.flush();
      await appendAudit(
        tx,
        referralChain(id),
        "REFERRAL_RECEIVED",
        actor,
        { from: input.fromDepartment, evidence: r.evidence.map((e) => e.sha256) },
        state(r),
      );
      return r;
    });
  } catch (e) {
    // a concurrent delivery of the same id won the insert: the referral is there once
    if (e instanceof UniqueConstraintViolationException) return em.fork().findOneOrFail(Referral, { id });
    throw e;
  }
}

const LABEL: Record<ReferralStatus, string> = { RECEIVED: "待答复", ACCEPTED: "已接收", DECLINED: "已退回", CLOSED: "已办结" };

/**
 * Answers a referral: RECEIVED → ACCEPTED | DECLINED, ACCEPTED → CLOSED. A guarded UPDATE, so two answers at
 * once cannot both pass; the step and its text go into the referral's chain.
 */
export async function answerReferral(
  em: EntityManager,
  id: number,
  to: ReferralStatus.ACCEPTED | ReferralStatus.DECLINED | ReferralStatus.CLOSED,
  text: string | null,
  actor: string,
): Promise<Referral> {
  const from = to === ReferralStatus.CLOSED ? ReferralStatus.ACCEPTED : ReferralStatus.RECEIVED;
  const body =
    to === ReferralStatus.DECLINED
      ? requireText(text, "reason", "退回理由", 2000)
      : to === ReferralStatus.CLOSED
        ? requireText(text, "outcome", "办理结果", 5000)
        : text?.trim() || null;
  return em.transactional(async (tx) => {
    const r = await tx.findOne(Referral, { id });
    if (!r) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的移送`, { id });
    const refused = () =>
      new AppError(
        ErrorCode.INVALID_STATE,
        to === ReferralStatus.CLOSED ? `只有已接收的移送才能办结（当前：${LABEL[r.status]}）` : `该移送已答复（当前：${LABEL[r.status]}）`,
        { id, status: r.status },
      );
    if (r.status !== from) throw refused();
    const now = new Date();
    const changes =
      to === ReferralStatus.CLOSED
        ? { status: to, outcome: body, closedAt: now }
        : { status: to, answeredAt: now, answeredBy: actor, declineReason: to === ReferralStatus.DECLINED ? body : null };
    if ((await tx.nativeUpdate(Referral, { id, status: from }, changes)) !== 1) throw refused();
    Object.assign(r, changes);
    await appendAudit(tx, referralChain(id), `REFERRAL_${to}`, actor, { text: body }, state(r));
    return r;
  });
}
