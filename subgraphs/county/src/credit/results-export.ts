import type { EntityManager } from "@mikro-orm/core";
import { AppError, decodeCursor, encodeCursor, ErrorCode } from "@ssj/shared";
import { Department } from "../departments/department.entity.js";
import { Finding } from "../inspections/finding.entity.js";
import { OnSiteRecord } from "../inspections/on-site.entity.js";
import { InspectionReport } from "../inspections/report.entity.js";
import { resultCode, resultLabel } from "../inspections/result-codes.js";
import { ReportStatus } from "../inspections/visit-outcome.js";
import { Plan } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";

/** The columns of the export, in order (docs/credit.md documents each). */
export const EXPORT_COLUMNS = [
  "reportId",
  "uscc",
  "department",
  "departmentName",
  "planId",
  "planName",
  "visitId",
  "inspectedOn",
  "publishedAt",
  "publishedLate",
  "matterCode",
  "matterName",
  "resultCode",
  "resultLabel",
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;

export const EXPORT_MAX_PAGE = 2000;

/**
 * One page of published results for the provincial credit platform: reports published at or after
 * `since`, after the cursor (keyset on the report id, so a page never shifts while results are
 * published), one row per matter. A constant six statements per page.
 */
export async function exportResults(
  em: EntityManager,
  opts: { since: Date | null; after: string | null; limit: number },
): Promise<{ rows: ExportRow[]; next: string | null }> {
  const where: Record<string, unknown> = { status: ReportStatus.PUBLISHED };
  if (opts.since) where.publishedAt = { $gte: opts.since };
  if (opts.after) where.id = { $gt: decodeCursor(opts.after) };
  const reports = await em.find(InspectionReport, where, { orderBy: { id: "asc" }, limit: opts.limit + 1 });
  const page = reports.slice(0, opts.limit);
  const visitIds = [...new Set(page.map((r) => r.visitId))];
  const [visits, findings, onSite] = await Promise.all([
    em.find(Visit, { id: { $in: visitIds } }),
    em.find(Finding, { visitId: { $in: visitIds } }, { orderBy: { id: "asc" } }),
    em.find(OnSiteRecord, { visitId: { $in: visitIds } }),
  ]);
  const [plans, departments] = await Promise.all([
    em.find(Plan, { id: { $in: [...new Set(visits.map((v) => v.planId))] } }),
    em.find(Department, { code: { $in: [...new Set(page.map((r) => r.department))] } }),
  ]);
  const rows: ExportRow[] = [];
  for (const r of page) {
    const visit = visits.find((v) => v.id === r.visitId)!;
    const plan = plans.find((p) => p.id === visit.planId);
    for (const f of findings.filter((x) => x.visitId === r.visitId && x.department === r.department)) {
      const matter = plan?.matters.find((m) => `${m.department}:${m.matterId}` === f.matter);
      rows.push({
        reportId: r.id,
        uscc: visit.uscc,
        department: r.department,
        departmentName: departments.find((d) => d.code === r.department)?.name ?? null,
        planId: visit.planId,
        planName: plan?.name ?? null,
        visitId: r.visitId,
        inspectedOn: onSite.find((o) => o.visitId === r.visitId)?.endDate ?? null,
        publishedAt: r.publishedAt!.toISOString(),
        publishedLate: r.publishedLate,
        matterCode: matter?.code ?? f.matter,
        matterName: matter?.name ?? null,
        resultCode: resultCode(f.result),
        resultLabel: resultLabel(f.result),
      });
    }
  }
  return { rows, next: reports.length > opts.limit ? encodeCursor(page.at(-1)!.id) : null };
}

/** `?since=` as an ISO date or date-time; anything else is a clear refusal. */
export function parseSince(value: unknown): Date | null {
  if (value === undefined || value === "") return null;
  const d = typeof value === "string" && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime()))
    throw new AppError(ErrorCode.INVALID_DATE_FORMAT, "since 应为 ISO 8601 日期或时间，如 2027-04-01 或 2027-04-01T00:00:00+08:00", {
      field: "since",
    });
  return d;
}
