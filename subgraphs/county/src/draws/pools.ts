import type { EntityManager } from "@mikro-orm/core";
import {
  CANDIDATE_POOL_FORMAT,
  digest,
  findLine,
  isCanonicalCandidatePool,
  parseCandidatePool,
  wholeLineChunks,
  type CandidateEntry,
  type Pools,
} from "@ssj/draw-engine";
import { readPoolChunks, readPoolTextChunks, type PoolKind } from "./pool-store.js";
import { turn } from "./turn.js";

/**
 * The frozen pools of a draw, as stored at its freeze. The candidates are stored as their canonical
 * text (ssj-candidate-pool/1) since docs/performance.md's draw rework; draws frozen before it stored a
 * JSON array, which stays readable. `candidateDigest` is the SHA-256 of the stored canonical text
 * (null for the JSON form): equal to the published digest, it lets execute skip re-canonicalising.
 * The canonical text is parsed and hashed as its stored chunks, never joined (docs/performance.md, "Ninth pass");
 * the event loop runs between reading, parsing and hashing (turn.ts).
 */
export async function loadPools(em: EntityManager, drawId: number): Promise<Pools & { candidateDigest: string | null }> {
  const chunks = await readPoolChunks(em, drawId, ["candidates", "inspectors", "experts"]);
  const text = (k: PoolKind) => chunks.get(k)?.join("") ?? "[]";
  const candidates = chunks.get("candidates") ?? ["[]"];
  const canonical = isCanonicalCandidatePool(candidates[0]!);
  await turn();
  const parsed = canonical ? parseCandidatePool(candidates) : JSON.parse(candidates.join(""));
  await turn();
  return {
    candidates: parsed,
    candidateDigest: canonical ? digest(candidates) : null,
    inspectors: JSON.parse(text("inspectors")),
    experts: JSON.parse(text("experts")),
  };
}

/**
 * One candidate of a draw's frozen pool, or null: in the canonical text found by binary search over its stored
 * chunks and only its line parsed (the engine's `findLine`, `parseCandidatePool`), so that handing one subject its
 * opening (opening.resolver.ts) does not parse a county's 600,000 candidates (docs/performance.md, "Twelfth pass");
 * in the JSON form older draws stored, parsed whole as before.
 */
export async function findCandidate(em: EntityManager, drawId: number, subjectId: string): Promise<CandidateEntry | null> {
  const stored = await readPoolTextChunks(em, drawId, "candidates");
  if (!stored) return null;
  if (!isCanonicalCandidatePool(stored[0]!))
    return (JSON.parse(stored.join("")) as CandidateEntry[]).find((c) => c.subjectId === subjectId) ?? null;
  const line = findLine(wholeLineChunks(stored), CANDIDATE_POOL_FORMAT, subjectId);
  if (!line) return null;
  return parseCandidatePool(`${CANDIDATE_POOL_FORMAT}\n${line.chunk.slice(line.at, line.chunk.indexOf("\n", line.at) + 1)}`)[0]!;
}
