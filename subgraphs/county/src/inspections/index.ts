/**
 * The inspection itself (docs/inspection.md): the visit's life after the draw, findings, evidence,
 * each department's report, review and publication, and the working-day calendar.
 */
import { CalendarYear } from "./calendar-year.entity.js";
import { CalendarResolver } from "./calendar.resolver.js";
import { Evidence } from "./evidence.entity.js";
import { Finding } from "./finding.entity.js";
import { FindingMatterResolver } from "./finding-matter.resolver.js";
import { InspectionResolver } from "./inspection.resolver.js";
import { OnSiteRecord } from "./on-site.entity.js";
import { PublishedResultResolver, SubjectVisitsResolver } from "./public-results.resolver.js";
import { InspectionReport } from "./report.entity.js";
import { ReportResolver } from "./report.resolver.js";
import { VisitInspectionResolver } from "./visit-inspection.resolver.js";

export const inspectionEntities = [OnSiteRecord, Finding, Evidence, InspectionReport, CalendarYear];
export const inspectionResolvers = [
  InspectionResolver,
  ReportResolver,
  VisitInspectionResolver,
  FindingMatterResolver,
  PublishedResultResolver,
  SubjectVisitsResolver,
  CalendarResolver,
] as const;
export { onDrawInspected, type DrawInspectedHook } from "./draw-inspected.js";
