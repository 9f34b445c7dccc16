import type { EntityManager } from "@mikro-orm/core";
import { AuditEvent, todayInChina } from "@ssj/shared";
import { appendSigned } from "../audit/checkpoints.js";
import { Disclosure, Plan } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { Draw, DrawStatus } from "./draw.entity.js";
import { drawChain } from "./draw.service.js";
import { loadViewDigest } from "./public-view.js";

/**
 * Per-plan disclosure (docs/draw-record.md, "Disclosure"). An AFTER_WINDOW plan publishes, when the
 * draw is published, only the digests, the seed, the counts and the SHA-256 of the public view; the
 * view itself — which names who will be visited — follows when the plan's window ends or every visit
 * has been inspected, whichever comes first, and must hash to the value published before.
 */

/** Visit states that are not yet "inspected" (the visit lifecycle adds later states; any other counts as inspected). */
const NOT_YET_INSPECTED = ["SCHEDULED", "IN_PROGRESS"];

/** The plan's window is over once its last day (China time) has passed. */
export const windowEnded = (plan: Pick<Plan, "windowEnd">, now = new Date()) => todayInChina(now) > plan.windowEnd;

/** May the public see the full view now? */
export function isDisclosed(plan: Pick<Plan, "disclosure" | "windowEnd">, draw: Pick<Draw, "disclosedAt">, now = new Date()): boolean {
  return plan.disclosure !== Disclosure.AFTER_WINDOW || draw.disclosedAt !== null || windowEnded(plan, now);
}

/** The view digest committed when the draw was published (logged in its chain), or null before. */
export async function committedViewDigest(em: EntityManager, drawId: number): Promise<string | null> {
  const e = await em.findOne(AuditEvent, { chain: drawChain(drawId), action: "DRAW_PUBLISHED" }, { orderBy: { seq: "desc" } });
  if (!e) return null;
  const d = (JSON.parse(e.payload) as { viewDigest?: string }).viewDigest;
  return d ?? null;
}

/** Records the disclosure of a draw's full view (once), checking that it still hashes to the committed value. */
export async function discloseRecord(em: EntityManager, drawId: number, reason: "WINDOW_ENDED" | "ALL_VISITS_INSPECTED", actor: string) {
  await em.transactional(async (tx) => {
    const draw = await tx.findOne(Draw, { id: drawId, status: DrawStatus.PUBLISHED, disclosedAt: null });
    if (!draw) return;
    const digest = await loadViewDigest(tx, drawId);
    const committed = await committedViewDigest(tx, drawId);
    const n = await tx.nativeUpdate(Draw, { id: drawId, disclosedAt: null }, { disclosedAt: new Date() });
    if (n !== 1) return;
    await appendSigned(
      tx,
      drawChain(drawId),
      "RECORD_DISCLOSED",
      actor,
      { reason, viewDigest: digest, matchesCommitment: digest === committed },
      {
        disclosed: true,
        viewDigest: digest,
      },
    );
  });
}

/**
 * The visit lifecycle calls this after a visit reaches INSPECTED (or a later or final state): when no
 * visit of the draw is still to be inspected, an AFTER_WINDOW draw's full record is disclosed.
 */
export async function onEveryVisitInspected(em: EntityManager, drawId: number, actor = "system"): Promise<boolean> {
  const pending = await em.count(Visit, { drawId, status: { $in: NOT_YET_INSPECTED as never[] } });
  if (pending > 0) return false;
  const draw = await em.findOne(Draw, { id: drawId });
  const plan = draw && (await em.findOne(Plan, { id: draw.planId }));
  if (!draw || !plan || plan.disclosure !== Disclosure.AFTER_WINDOW) return false;
  await discloseRecord(em, drawId, "ALL_VISITS_INSPECTED", actor);
  return true;
}

/** Discloses every published AFTER_WINDOW draw whose plan window has ended; run at start and periodically. */
export async function discloseEndedWindows(em: EntityManager, now = new Date()): Promise<number[]> {
  const today = todayInChina(now);
  const plans = await em.find(Plan, { disclosure: Disclosure.AFTER_WINDOW, windowEnd: { $lt: today } });
  if (!plans.length) return [];
  const draws = await em.find(Draw, { planId: { $in: plans.map((p) => p.id) }, status: DrawStatus.PUBLISHED, disclosedAt: null });
  for (const d of draws) await discloseRecord(em, d.id, "WINDOW_ENDED", "system");
  return draws.map((d) => d.id);
}
