/**
 * @ssj/draw-engine — the verifiable draw (docs/draw-record.md, packages/draw-engine/FORMAT.md), as pure functions.
 *
 * Why a package of its own: the county service runs draws with it and the public verify command
 * re-runs them with it; the two must share exactly this code and nothing else (no I/O, no clock, no
 * Math.random, no GraphQL).
 */

export * from "./types.js";
export {
  DrawEngineError,
  InvalidInputError,
  InvalidRatioError,
  MissingRatioError,
  EmptyPoolError,
  DuplicateIdError,
  InfeasibleAssignmentError,
  type DrawEngineErrorCode,
  type InfeasibleItem,
} from "./errors.js";
export { codePointOrder, compareCodePoints, escapeField, sortedByCodePoints, sortedSet } from "./text.js";
export { CHUNK_CHARS, SMALL_CHUNK_CHARS, chunksOf, joinChunks } from "./chunks.js";
export {
  CONSISTENT_SAMPLER_VERSION,
  sha256Hex,
  sha256Uniform,
  uniformFromHex,
  firstFraction,
  ticket,
  nextFraction,
  trim,
  compareTickets,
  sampler,
  type SamplerTicket,
  type SamplerOptions,
} from "./sampler.js";
export { sampleWithoutReplacement, type TicketedId } from "./ticket-table.js";
export {
  CANDIDATE_POOL_FORMAT,
  INSPECTOR_POOL_FORMAT,
  EXPERT_POOL_FORMAT,
  digest,
  candidateLine,
  personLine,
  canonicalCandidatePool,
  candidatePoolChunks,
  canonicalInspectorPool,
  canonicalExpertPool,
  candidatePoolDigest,
  inspectorPoolDigest,
  expertPoolDigest,
} from "./canonical.js";
export { SEED_FORMAT, seedText, deriveSeed, type SeedInputs } from "./seed.js";
export {
  STRATA,
  stratumRank,
  stratumOf,
  riskRank,
  stratumOfRank,
  buildCandidate,
  validateRatio,
  validateRatios,
  ratioTarget,
  applyCap,
  stratumTargets,
  type StratumPlan,
} from "./strata.js";
export { normalizeRules, rulesDigest, matterRuleFor, visitDepartments, regionAllows, departmentOfRef } from "./rules.js";
export { selectByStrata } from "./select.js";
export { assignInspectors, fmix32, tieBase, type VisitSpec, type AssignmentRule } from "./assign.js";
export { checkAssignment, type AssignmentViolation, type AssignmentContext } from "./check-assignment.js";
export { ENGINE_NAME, ENGINE_VERSION, ALGORITHM, runDraw, type RunOptions } from "./draw.js";
export {
  findLine,
  isCanonicalCandidatePool,
  parseCandidatePool,
  isCanonicalCommittedPool,
  parseCommittedPool,
  unescape as unescapeField,
  wholeLineChunks,
} from "./pool-text.js";
export { verifyRecord, firstDifference, type VerifyOptions } from "./record.js";
export { CEREMONY_FORMAT, CEREMONY_KINDS, ceremonyText, commitmentOf, type CeremonyKind, type CeremonyValue } from "./ceremony.js";
export {
  STRATUM_COMMITMENT_FORMAT,
  COMMITTED_POOL_FORMAT,
  SALT_PATTERN,
  stratumCommitmentText,
  stratumCommitment,
  commitCandidates,
  canonicalCommittedPool,
  canonicalCommittedPoolOf,
  committedPoolChunksOf,
  committedPoolDigest,
  type CommittedCandidate,
} from "./commitment.js";
export {
  PUBLIC_VIEW_FORMAT,
  publicView,
  publicViewOfCommitted,
  viewDigest,
  viewDigestOfCommittedText,
  type PublicDrawView,
  type PublicStratum,
  type PublicSelected,
} from "./public-view.js";
export { verifyPublicView, verifyOpening, verifyAudit, type ViewCheck, type StratumOpening, type AuditExport } from "./verify-view.js";
