/**
 * Seed derivation.
 *
 * Why: the seed must depend on the frozen pools (so the pools cannot be edited after the fact without
 * changing every ticket) and on values produced at the public ceremony (so nobody can know the seed
 * at freeze time, when the digests are published). See packages/draw-engine/FORMAT.md.
 *
 * Rule. The seed text is, with LF line ends and TAB separators:
 *
 *     ssj-draw-seed/1
 *     candidates<TAB><candidate pool digest>
 *     inspectors<TAB><inspector pool digest>
 *     experts<TAB><expert pool digest>
 *     ceremony<TAB><ceremony value 1, escaped>
 *     ceremony<TAB><ceremony value 2, escaped>      (one line per value, in the order entered)
 *
 * and the seed is its SHA-256 in lowercase hex (64 characters). That string is the `seed` handed to
 * the consistent sampler, which (like the Python package) hashes it once more: tickets are
 * sha256_uniform(sha256_hex(seed) + id). Escaping of ceremony values: `\` → `\\`, TAB → `\t`, LF → `\n`,
 * CR → `\r`; values are used exactly as entered (no trimming, no Unicode normalisation).
 */

import { sha256HexOf } from "#sha256";
import { InvalidInputError } from "./errors.js";
import { escapeField, requireText } from "./text.js";

/** Header line of the seed text. */
export const SEED_FORMAT = "ssj-draw-seed/1";

/** Everything the seed is derived from; published in the draw record. */
export interface SeedInputs {
  candidatePoolDigest: string;
  inspectorPoolDigest: string;
  expertPoolDigest: string;
  ceremonyValues: string[];
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The exact text that is hashed into the seed. */
export function seedText(inputs: SeedInputs): string {
  for (const k of ["candidatePoolDigest", "inspectorPoolDigest", "expertPoolDigest"] as const) {
    if (typeof inputs[k] !== "string" || !HEX64.test(inputs[k]))
      throw new InvalidInputError(`${k} 必须是 64 位小写十六进制 SHA-256 摘要`, { [k]: inputs[k] });
  }
  if (!Array.isArray(inputs.ceremonyValues) || inputs.ceremonyValues.length === 0) {
    throw new InvalidInputError("至少需要一个现场摇号值（开奖号码、骰子或各部门承诺值）", {});
  }
  let text = `${SEED_FORMAT}\ncandidates\t${inputs.candidatePoolDigest}\ninspectors\t${inputs.inspectorPoolDigest}\nexperts\t${inputs.expertPoolDigest}\n`;
  for (const v of inputs.ceremonyValues) text += `ceremony\t${escapeField(requireText(v, "现场摇号值"))}\n`;
  return text;
}

/** The seed: SHA-256 hex of {@link seedText}. */
export function deriveSeed(inputs: SeedInputs): string {
  return sha256HexOf(seedText(inputs));
}
