/**
 * Salted commitments to a candidate's stratum (FORMAT.md §9).
 *
 * Why: risk classes are an internal management basis, not public data, yet the public must be able to
 * check a draw. The public record therefore carries, per candidate, SHA-256 of a documented text that
 * binds the subject id, its stratum and a per-candidate random salt. Without the salt nobody can test
 * the five possible strata against the commitment; the subject, given its salt, opens its own.
 */

import { createSha256 } from "#sha256";
import { digest } from "./canonical.js";
import { CHUNK_CHARS, chunksOf, joinChunks, SMALL_CHUNK_CHARS } from "./chunks.js";
import { InvalidInputError } from "./errors.js";
import { STRATA } from "./strata.js";
import { compareCodePoints, escapeField, escapeItem, sortedByCodePoints } from "./text.js";
import type { CandidateEntry, Stratum } from "./types.js";

export const STRATUM_COMMITMENT_FORMAT = "ssj-stratum-commitment/1";
export const COMMITTED_POOL_FORMAT = "ssj-committed-candidate-pool/1";

/** A salt: 32 lowercase hexadecimal digits (128 random bits), drawn by the county at freeze time. */
export const SALT_PATTERN = /^[0-9a-f]{32}$/;

/** The committed text: `ssj-stratum-commitment/1 LF subjectId LF stratum LF salt LF` (UTF-8). */
export function stratumCommitmentText(subjectId: string, stratum: Stratum, salt: string): string {
  if (!SALT_PATTERN.test(salt)) throw new InvalidInputError(`市场主体 ${subjectId} 的盐值格式无效`, { subjectId });
  if (!STRATA.includes(stratum)) throw new InvalidInputError(`层级 ${String(stratum)} 无效`, { subjectId, stratum });
  return `${STRATUM_COMMITMENT_FORMAT}\n${subjectId}\n${stratum}\n${salt}\n`;
}

/** SHA-256 hex of {@link stratumCommitmentText}. */
export function stratumCommitment(subjectId: string, stratum: Stratum, salt: string): string {
  return digest(stratumCommitmentText(subjectId, stratum, salt));
}

/** A candidate as the public sees it: the commitment in place of the stratum. */
export interface CommittedCandidate {
  subjectId: string;
  commitment: string;
  matters: string[];
  departments: string[];
}

/** Replaces each candidate's stratum by its commitment; every candidate needs a salt. */
export function commitCandidates(candidates: readonly CandidateEntry[], salts: Readonly<Record<string, string>>): CommittedCandidate[] {
  return candidates.map((c) => {
    const salt = Object.hasOwn(salts, c.subjectId) ? salts[c.subjectId]! : "";
    return {
      subjectId: c.subjectId,
      commitment: stratumCommitment(c.subjectId, c.stratum, salt),
      matters: c.matters,
      departments: c.departments,
    };
  });
}

const ESCAPED = /[\\\t\n\r,]/;
const list = (items: readonly string[]) =>
  items.length === 1 && !ESCAPED.test(items[0]!)
    ? items[0]!
    : [...new Set(items)]
        .sort(compareCodePoints)
        .map((s) => (/[\\\t\n\r,]/.test(s) ? escapeItem(s) : s))
        .join(",");
const field = (s: string) => (/[\\\t\n\r]/.test(s) ? escapeField(s) : s);

/** `list` once per distinct array of a run (the candidates of a county share a handful of lists). */
function listCache(): (items: readonly string[]) => string {
  const seen = new Map<readonly string[], string>();
  return (items) => {
    let s = seen.get(items);
    if (s === undefined) {
      s = list(items);
      if (items.length > 1 && seen.size < 4096) seen.set(items, s);
    }
    return s;
  };
}

/**
 * Canonical text of the committed pool: header `ssj-committed-candidate-pool/1`, then per candidate
 * (sorted by id, code point order) `subjectId TAB commitment TAB matters TAB departments LF`.
 */
export function canonicalCommittedPool(candidates: readonly CommittedCandidate[]): string {
  return joinChunks(committedChunks(candidates, SMALL_CHUNK_CHARS));
}

/** The canonical committed pool in chunks: a million-line pool is hashed without building it whole. */
function committedChunks(candidates: readonly CommittedCandidate[], size: number): Generator<string> {
  const lists = listCache();
  return chunksOf(
    `${COMMITTED_POOL_FORMAT}\n`,
    sortedByCodePoints(candidates, (x) => x.subjectId),
    (c) => `${field(c.subjectId)}\t${c.commitment}\t${lists(c.matters)}\t${lists(c.departments)}\n`,
    size,
  );
}

/**
 * The same text as `canonicalCommittedPool(commitCandidates(candidates, salts))`, without the intermediate
 * committed entries: at freeze a million candidates would otherwise be held twice (docs/performance.md).
 */
export function canonicalCommittedPoolOf<T extends CandidateEntry>(
  candidates: readonly T[],
  salts: Readonly<Record<string, string>> | ((candidate: T) => string),
): string {
  return joinChunks(committedPoolChunksOf(candidates, salts, SMALL_CHUNK_CHARS));
}

/**
 * {@link canonicalCommittedPoolOf} as chunks of at least `size` code units, each ending with a line: freeze hashes
 * and stores each as it comes (chunks.ts). The commitments are computed (and the salts checked) chunk by chunk.
 */
export function* committedPoolChunksOf<T extends CandidateEntry>(
  candidates: readonly T[],
  salts: Readonly<Record<string, string>> | ((candidate: T) => string),
  size = CHUNK_CHARS,
): Generator<string> {
  // A function lets the county keep each salt beside its candidate instead of in a million-key object.
  const saltOf = typeof salts === "function" ? salts : (c: T) => (Object.hasOwn(salts, c.subjectId) ? salts[c.subjectId]! : "");
  const lists = listCache();
  yield* chunksOf(
    `${COMMITTED_POOL_FORMAT}\n`,
    sortedByCodePoints(candidates, (x) => x.subjectId),
    (c) => `${field(c.subjectId)}\t${stratumCommitment(c.subjectId, c.stratum, saltOf(c))}\t${lists(c.matters)}\t${lists(c.departments)}\n`,
    size,
  );
}

/** SHA-256 hex of {@link canonicalCommittedPool} (streamed, same value as digest(canonicalCommittedPool(c))). */
export function committedPoolDigest(candidates: readonly CommittedCandidate[]): string {
  const h = createSha256();
  for (const chunk of committedChunks(candidates, SMALL_CHUNK_CHARS)) h.update(chunk);
  return h.hex();
}
