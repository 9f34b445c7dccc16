/**
 * Handling of problem findings (docs/handling.md): each department's decision per finding, and referrals
 * delivered through an outbox to the receiving department's own books.
 */
import { FindingHandlingResolver, HandlingResolver } from "./handling.resolver.js";
import { HandlingDecision } from "./handling.entity.js";
import { OverdueResolver } from "./overdue.resolver.js";
import { ReferralOutbox } from "./referral-outbox.entity.js";

export const handlingEntities = [HandlingDecision, ReferralOutbox];
export const handlingResolvers = [HandlingResolver, FindingHandlingResolver, OverdueResolver] as const;
export { ReferralDelivery, type ReferralDeliveryOptions } from "./referral-delivery.js";
