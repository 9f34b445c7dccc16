/** Inspections outside any draw (docs/handling.md, "Unplanned inspections"): same life as a drawn visit, flagged for auditors. */
import { UnplannedInspection } from "./unplanned.entity.js";
import { UnplannedResolver } from "./unplanned.resolver.js";

export const unplannedEntities = [UnplannedInspection];
export const unplannedResolvers = [UnplannedResolver] as const;
