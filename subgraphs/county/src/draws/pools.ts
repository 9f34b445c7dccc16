import type { EntityManager } from "@mikro-orm/core";
import { digest, isCanonicalCandidatePool, parseCandidatePool, type Pools } from "@ssj/draw-engine";
import { readPoolChunks, type PoolKind } from "./pool-store.js";
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
