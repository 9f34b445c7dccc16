import type { EntityManager } from "@mikro-orm/core";
import { Visit, VisitStatus } from "../visits/visit.entity.js";

/**
 * Called, inside the transaction of the step that closed the last open visit of a draw, with that
 * draw's id: every visit is INSPECTED (or UNREACHABLE, REFUSED, CANCELLED — none is still to happen).
 * The AFTER_WINDOW disclosure (docs/draw-record.md) registers here to publish the full record.
 */
export type DrawInspectedHook = (tx: EntityManager, drawId: number) => Promise<void>;

const hooks: DrawInspectedHook[] = [];

export function onDrawInspected(hook: DrawInspectedHook): void {
  hooks.push(hook);
}

/** Runs the hooks when no visit of the draw is still SCHEDULED or IN_PROGRESS. */
export async function notifyIfDrawInspected(tx: EntityManager, drawId: number | null): Promise<void> {
  if (!hooks.length || drawId === null) return; // an unplanned inspection belongs to no draw
  await tx.flush();
  const open = await tx.count(Visit, { drawId, status: { $in: [VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS] } });
  if (open === 0) for (const hook of hooks) await hook(tx, drawId);
}
