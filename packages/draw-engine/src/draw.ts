/**
 * The whole draw: frozen pools + plan rules + ceremony values → public draw record.
 *
 * Why one function: the county service and the verify command must run literally the same steps, in
 * the same order, so the record can be recomputed bit for bit (packages/draw-engine/FORMAT.md, docs/draw-record.md). It is pure: no I/O,
 * no clock, no Math.random; the same input gives the same record on any machine.
 *
 * Steps: validate and normalise the rules → canonical pool digests → seed (seed.ts) → per-stratum
 * targets (strata.ts) → selection (select.ts) → assignment (assign.ts) → record. Any failure throws a
 * DrawEngineError and produces no record.
 */

import {
  candidatePoolDigest,
  CANDIDATE_POOL_FORMAT,
  EXPERT_POOL_FORMAT,
  expertPoolDigest,
  INSPECTOR_POOL_FORMAT,
  inspectorPoolDigest,
} from "./canonical.js";
import { assignInspectors } from "./assign.js";
import { EmptyPoolError, InvalidInputError } from "./errors.js";
import { matterRuleFor, normalizeRules, rulesDigest } from "./rules.js";
import { CONSISTENT_SAMPLER_VERSION } from "./sampler.js";
import { deriveSeed, SEED_FORMAT } from "./seed.js";
import { selectWithIndex } from "./select.js";
import { STRATA, stratumTargets } from "./strata.js";
import type { DrawInput, DrawRecord, SelectedEntry, Stratum } from "./types.js";

/** Engine name and version written into every record; bump the version whenever any rule changes. */
export const ENGINE_NAME = "ssj-draw-engine";
export const ENGINE_VERSION = "1.0.0";

/** The algorithm block of the record: what a re-implementer needs to know (details in FORMAT.md). */
export const ALGORITHM: DrawRecord["algorithm"] = {
  name: ENGINE_NAME,
  version: ENGINE_VERSION,
  sampler: `consistent-sampler ${CONSISTENT_SAMPLER_VERSION} (Rivest), without replacement, smallest tickets per stratum`,
  ticket: "sha256_uniform(sha256_hex(seed) + id)",
  seed: `${SEED_FORMAT}: sha256_hex of the pool digests and ceremony values`,
  strata: "ssj-strata/1: FLAGGED if any flag, else risk class; highest over departments",
  counts: "ssj-counts/1: ceil(poolSize * ratio) exactly; cap: 1 per non-empty stratum, rest by largest remainder",
  assignment: "ssj-assign/1: greedy, visits in ticket order, most constrained requirement first, least loaded, seeded tie key",
};

/**
 * What the caller has already established about the input. `verifiedCandidateDigest`: the SHA-256 of
 * the candidate pool's canonical text, when the caller read the candidates back from that very text
 * after checking its hash against the digest published at freeze (pool-text.ts). The engine then skips
 * re-canonicalising the pool; the verify command never passes it, so it redoes the whole work.
 */
export interface RunOptions {
  verifiedCandidateDigest?: string;
}

/** Run a draw and return its public record. Throws a DrawEngineError (e.g. InfeasibleAssignmentError) on failure. */
export function runDraw(input: DrawInput, options: RunOptions = {}): DrawRecord {
  if (typeof input !== "object" || input === null || typeof input.pools !== "object" || input.pools === null) {
    throw new InvalidInputError("摇号输入缺少名录", {});
  }
  const { candidates, inspectors, experts = [] } = input.pools;
  if (!Array.isArray(candidates) || !Array.isArray(inspectors) || !Array.isArray(experts))
    throw new InvalidInputError("名录必须是数组", {});
  if (candidates.length === 0) throw new EmptyPoolError("candidates");
  if (inspectors.length === 0) throw new EmptyPoolError("inspectors");
  const rules = normalizeRules(input.rules);

  // Digests validate every entry (non-empty well-formed fields, known strata/statuses, no duplicate ids).
  const cDigest = options.verifiedCandidateDigest ?? candidatePoolDigest(candidates);
  const iDigest = inspectorPoolDigest(inspectors);
  const eDigest = expertPoolDigest(experts);
  const knownRefs = new Set<string>();
  for (const c of candidates) {
    for (const m of c.matters) {
      if (knownRefs.has(m)) continue;
      matterRuleFor(rules, m); // throws on a matter the plan rules do not know
      knownRefs.add(m);
    }
  }

  const ceremonyValues = Array.isArray(input.ceremonyValues) ? [...input.ceremonyValues] : [];
  const seedInputs = { candidatePoolDigest: cDigest, inspectorPoolDigest: iDigest, expertPoolDigest: eDigest, ceremonyValues };
  const seed = deriveSeed(seedInputs);

  const poolSizes: Partial<Record<Stratum, number>> = {};
  for (const c of candidates) poolSizes[c.stratum] = (poolSizes[c.stratum] ?? 0) + 1;
  const plans = stratumTargets(poolSizes, rules.ratios, rules.cap);
  const targets = Object.fromEntries(plans.map((p) => [p.stratum, p.target])) as Record<Stratum, number>;

  const withIndex = selectWithIndex(candidates, seed, targets);
  const assignment = assignInspectors(
    withIndex.map((s) => candidates[s.index]!),
    inspectors,
    experts,
    rules,
    seed,
  );
  const selected: SelectedEntry[] = withIndex.map((s) => ({ id: s.id, stratum: s.stratum, ticket: s.ticket, rank: s.rank }));

  const drawn = new Map<Stratum, number>();
  for (const s of selected) drawn.set(s.stratum, (drawn.get(s.stratum) ?? 0) + 1);
  return {
    format: "ssj-draw-record/1",
    algorithm: { ...ALGORITHM },
    pools: {
      candidates: { format: CANDIDATE_POOL_FORMAT, count: candidates.length, digest: cDigest },
      inspectors: { format: INSPECTOR_POOL_FORMAT, count: inspectors.length, digest: iDigest },
      experts: { format: EXPERT_POOL_FORMAT, count: experts.length, digest: eDigest },
    },
    rules,
    rulesDigest: rulesDigest(rules),
    seed: { value: seed, inputs: seedInputs },
    strata: STRATA.map((s) => {
      const p = plans.find((x) => x.stratum === s)!;
      return { stratum: s, poolSize: p.poolSize, ratio: p.ratio, ratioTarget: p.ratioTarget, target: p.target, drawn: drawn.get(s) ?? 0 };
    }),
    selected,
    assignment,
  };
}
