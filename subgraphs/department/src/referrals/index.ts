/** Incoming referrals (docs/handling.md): delivered by the county's outbox, answered in this department's books. */
export { Referral } from "./referral.entity.js";
export { ReferralResolver, resolveReferralReference } from "./referral.resolver.js";
