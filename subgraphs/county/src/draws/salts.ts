import type { EntityManager } from "@mikro-orm/core";
import { CHUNK_CHARS, chunksOf, joinChunks, SMALL_CHUNK_CHARS, type CandidateEntry } from "@ssj/draw-engine";
import { randomBytes } from "node:crypto";
import { readPoolText } from "./pool-store.js";

/** A candidate with the salt of its stratum commitment, kept beside it rather than in a million-key object. */
export type SaltedCandidate = CandidateEntry & { salt: string };

/**
 * Per-candidate salts of the stratum commitments (packages/draw-engine/FORMAT.md §9): 128 random bits
 * each, drawn at freeze time — before the seed — and kept with the frozen pools. Random rather than
 * derived from a key, so that no single secret opens every commitment of every draw.
 */
export function saltCandidates(candidates: CandidateEntry[]): SaltedCandidate[] {
  // One call for all the random bytes: a million small randomBytes calls cost seconds.
  const hex = randomBytes(16 * candidates.length).toString("hex");
  const salted = candidates as SaltedCandidate[];
  for (let i = 0; i < salted.length; i++) salted[i]!.salt = hex.slice(32 * i, 32 * i + 32);
  return salted;
}

/**
 * The stored form of the salts, a JSON object subject id → salt (as draws have always stored it), written
 * piece by piece: the object itself would be a million-key dictionary only to be stringified.
 */
export function saltsJson(candidates: readonly SaltedCandidate[]): string {
  return joinChunks(saltsJsonChunks(candidates, SMALL_CHUNK_CHARS));
}

/** {@link saltsJson} as chunks of at least `size` code units, each ending with an entry (pool-store.ts stores them). */
export function saltsJsonChunks(candidates: readonly SaltedCandidate[], size = CHUNK_CHARS): Generator<string> {
  let first = true;
  const entry = (c: SaltedCandidate) => {
    const comma = first ? "" : ",";
    first = false;
    return `${comma}${JSON.stringify(c.subjectId)}:"${c.salt}"`;
  };
  return chunksOf("{", candidates, entry, size, "}");
}

/** The salts of a frozen draw (empty for draws frozen before commitments existed). */
export async function loadSalts(em: EntityManager, drawId: number): Promise<Record<string, string>> {
  const text = await readPoolText(em, drawId, "salts");
  return text === null ? {} : (JSON.parse(text) as Record<string, string>);
}
