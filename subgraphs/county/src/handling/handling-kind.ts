import { registerEnumType } from "type-graphql";

/**
 * 处置方式 — what a department decides for a finding that is a problem (docs/handling.md, rules in docs/rules.md):
 * on-site order with a rectification deadline, a case opened in its own books, a referral to the competent
 * department, or a transfer to the judicial organs when a crime is suspected.
 */
export enum HandlingKind {
  ON_SITE = "ON_SITE",
  CASE = "CASE",
  REFERRAL = "REFERRAL",
  JUDICIAL = "JUDICIAL",
}
registerEnumType(HandlingKind, {
  name: "HandlingKind",
  description: "处置方式：当场处理（责令整改）、本部门立案、移送有关部门、涉嫌犯罪移送司法机关 / handling decision kind",
  valuesConfig: {
    ON_SITE: { description: "当场处理：责令改正并限期整改 / on-site order with a rectification deadline" },
    CASE: { description: "本部门立案查处 / a case opened by the department" },
    REFERRAL: { description: "移送有关部门依法处理 / referred to the competent department" },
    JUDICIAL: { description: "涉嫌犯罪移送司法机关 / transferred to the judicial organs" },
  },
});

/**
 * Where a referral stands, as the county last knew it. PENDING_DELIVERY: in the outbox, not yet in the
 * receiving department's books; RECEIVED: delivered, not answered; then the receiving department's answer.
 */
export enum ReferralState {
  PENDING_DELIVERY = "PENDING_DELIVERY",
  RECEIVED = "RECEIVED",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  CLOSED = "CLOSED",
}
registerEnumType(ReferralState, {
  name: "ReferralState",
  description: "移送状态（县级所知）：待送达、已送达待答复、已接收、已退回、已办结 / referral state as the county knows it",
});

/** A referral is answered once the receiving department accepted, declined or closed it. */
export const UNANSWERED_REFERRAL: ReferralState[] = [ReferralState.PENDING_DELIVERY, ReferralState.RECEIVED];
