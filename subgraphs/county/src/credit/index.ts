/**
 * Credit feedback (docs/credit.md): published results in each department's record, risk-class
 * proposals by a versioned rule, applied or rejected by the department's admin.
 */
import { RiskProposal } from "./risk-proposal.entity.js";
import { RecordCreditResolver, RiskProposalResolver } from "./risk-proposal.resolver.js";

export const creditEntities = [RiskProposal];
export const creditResolvers = [RiskProposalResolver, RecordCreditResolver] as const;
export { proposeAfterPublish } from "./risk-proposal.service.js";
