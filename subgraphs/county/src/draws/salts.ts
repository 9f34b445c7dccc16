import type { EntityManager } from "@mikro-orm/core";
import type { CandidateEntry } from "@ssj/draw-engine";
import { randomBytes } from "node:crypto";
import { DrawPool } from "./draw.entity.js";

/**
 * Per-candidate salts of the stratum commitments (packages/draw-engine/FORMAT.md §9): 128 random bits
 * each, drawn at freeze time — before the seed — and kept with the frozen pools. Random rather than
 * derived from a key, so that no single secret opens every commitment of every draw.
 */
export function drawSalts(candidates: readonly CandidateEntry[]): Record<string, string> {
  // One call for all the random bytes: a million small randomBytes calls cost seconds.
  const hex = randomBytes(16 * candidates.length).toString("hex");
  return Object.fromEntries(candidates.map((c, i) => [c.subjectId, hex.slice(32 * i, 32 * i + 32)]));
}

/** The salts of a frozen draw (empty for draws frozen before commitments existed). */
export async function loadSalts(em: EntityManager, drawId: number): Promise<Record<string, string>> {
  const row = await em.findOne(DrawPool, { drawId, kind: "salts" });
  return row ? (JSON.parse(row.entries) as Record<string, string>) : {};
}
