import type { EntityManager } from "@mikro-orm/core";
import { publicView, type DrawRecord, type PublicDrawView } from "@ssj/draw-engine";
import { DrawRecordRow } from "./draw.entity.js";
import { loadPools } from "./pools.js";
import { loadSalts } from "./salts.js";

/** The stored record of a drawn draw, its frozen pools and salts, and the public view built from them. */
export async function loadView(em: EntityManager, drawId: number) {
  const row = await em.findOneOrFail(DrawRecordRow, { drawId });
  const record = JSON.parse(row.record) as DrawRecord;
  const pools = await loadPools(em, drawId);
  const salts = await loadSalts(em, drawId);
  const view: PublicDrawView = publicView(record, pools.candidates, salts);
  return { record, pools, salts, view };
}
