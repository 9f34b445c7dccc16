import type { EntityManager } from "@mikro-orm/core";
import { digest, parseCommittedPool, publicView, publicViewOfCommitted, type DrawRecord, type PublicDrawView } from "@ssj/draw-engine";
import { Draw, DrawRecordRow } from "./draw.entity.js";
import { readPoolText } from "./pool-store.js";
import { loadPools } from "./pools.js";
import { loadSalts } from "./salts.js";

/** The stored record of a drawn draw and the public view built from it. */
export async function loadView(em: EntityManager, drawId: number): Promise<{ record: DrawRecord; view: PublicDrawView }> {
  const row = await em.findOneOrFail(DrawRecordRow, { drawId });
  const record = JSON.parse(row.record) as DrawRecord;
  return { record, view: await viewOf(em, drawId, record) };
}

/**
 * The view reads the committed pool text stored at freeze when it still hashes to the digest published then:
 * one hash instead of a commitment per candidate (docs/performance.md). Draws frozen before that text was
 * stored, or whose stored text no longer matches, get their view rebuilt from the frozen pools and salts.
 */
async function viewOf(em: EntityManager, drawId: number, record: DrawRecord): Promise<PublicDrawView> {
  const draw = await em.findOneOrFail(Draw, { id: drawId });
  const stored = await readPoolText(em, drawId, "committed");
  if (stored !== null) {
    const d = digest(stored);
    if (d === draw.digests?.committedCandidates) return publicViewOfCommitted(record, parseCommittedPool(stored), d);
  }
  const pools = await loadPools(em, drawId);
  return publicView(record, pools.candidates, await loadSalts(em, drawId));
}
