import type { EntityManager } from "@mikro-orm/core";
import { dialectOf, int, select } from "../statistics/sql-dialect.js";

export interface UnplannedCount {
  department: string;
  inspector: string | null;
  total: number;
  flagged: number;
}

/**
 * 计划外检查计数 per department and per inspector, as two GROUP BY statements: the per-inspector rows expand the
 * visit's JSON list of the department's inspectors in SQL, so nothing is loaded row by row however many
 * inspections there are.
 */
export async function unplannedCounts(em: EntityManager): Promise<UnplannedCount[]> {
  const d = dialectOf(em);
  const [departments, inspectors] = await Promise.all([
    select<Record<string, unknown>>(
      em,
      `select u.department as department, count(*) as total, sum(case when u.flagged then 1 else 0 end) as flagged
       from unplanned_inspection u group by u.department`,
      [],
    ),
    select<Record<string, unknown>>(
      em,
      `select u.department as department, j.value as inspector, count(*) as total, sum(case when u.flagged then 1 else 0 end) as flagged
       from unplanned_inspection u join visit v on v.id = u.visit_id cross join ${d.inspectorsOf("v", "u.department")}
       group by u.department, j.value`,
      [],
    ),
  ]);
  const rows = [...departments, ...inspectors].map((r) => ({
    department: String(r.department),
    inspector: r.inspector === undefined || r.inspector === null ? null : String(r.inspector),
    total: int(r.total),
    flagged: int(r.flagged),
  }));
  return rows.sort((a, b) => (a.department + (a.inspector ?? "")).localeCompare(b.department + (b.inspector ?? "")));
}
