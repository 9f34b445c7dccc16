import type { EntityManager } from "@mikro-orm/core";
import type { Pools } from "@ssj/draw-engine";
import { DrawPool } from "./draw.entity.js";

/** The frozen pools of a draw, as stored at its freeze. */
export async function loadPools(em: EntityManager, drawId: number): Promise<Pools> {
  const rows = await em.find(DrawPool, { drawId });
  const get = (k: string) => JSON.parse(rows.find((r) => r.kind === k)?.entries ?? "[]");
  return { candidates: get("candidates"), inspectors: get("inspectors"), experts: get("experts") };
}
