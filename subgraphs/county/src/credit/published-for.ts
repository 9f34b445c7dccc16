import type { EntityManager } from "@mikro-orm/core";
import { InspectionReport } from "../inspections/report.entity.js";
import { ReportStatus } from "../inspections/visit-outcome.js";
import { directoryOf, Visit } from "../visits/visit.entity.js";

/**
 * The published reports on a subject that belong to one department's record of it, oldest first: its own
 * reports on visits drawn from its own directory, and an upper-level department's reports on visits a
 * whole-system plan drew from this department's directory (the visit's `directories`, docs/credit.md). A
 * department's report on a subject drawn from a unit's directory belongs to the unit's record, not its own.
 */
export async function publishedFor(em: EntityManager, uscc: string, department: string): Promise<InspectionReport[]> {
  const visits = await em.find(Visit, { uscc }, { fields: ["id", "directories"] });
  const reports = await em.find(
    InspectionReport,
    { visitId: { $in: visits.map((v) => v.id) }, status: ReportStatus.PUBLISHED },
    { orderBy: { publishedAt: "asc", id: "asc" } },
  );
  const visitOf = new Map(visits.map((v) => [v.id, v]));
  return reports.filter((r) => directoryOf(visitOf.get(r.visitId)!, r.department) === department);
}
