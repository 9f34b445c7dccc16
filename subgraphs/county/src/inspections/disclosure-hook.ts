import { onEveryVisitInspected } from "../draws/disclosure.js";
import { onDrawInspected } from "./draw-inspected.js";

/**
 * An AFTER_WINDOW plan discloses its full draw record as soon as every visit of the draw is closed
 * (docs/draw-record.md, "Disclosure"), in the transaction of the step that closed the last one.
 * Registered once, when the county service module loads.
 */
onDrawInspected(async (tx, drawId) => {
  await onEveryVisitInspected(tx, drawId);
});
