import { splitLegacyCategories } from "@ssj/shared";

type Row = { id: number; [column: string]: unknown };
type Execute = (sql: string) => Promise<Row[]>;

const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === "string" ? (JSON.parse(v) as unknown[]) : []).map(String);
const literal = (v: string | null) => (v === null ? "null" : `'${v.replace(/'/g, "''")}'`);

/**
 * Moving a department's books onto the shared enforcement categories (migration of issue #17): the UPDATE
 * statements that rewrite matters' qualifications and inspectors' categories as codes, with the unmapped text kept in `matter.category_label` / `inspector.category_labels`. Identifiers in double quotes
 * and JSON as a text literal read the same in SQLite and PostgreSQL.
 */
export async function legacyCategoryUpdates(execute: Execute): Promise<string[]> {
  const sql: string[] = [];
  for (const m of await execute(`select "id", "qualifications", "category_label" from "matter"`)) {
    const before = list(m.qualifications);
    const { codes, labels } = splitLegacyCategories(before);
    if (JSON.stringify(codes) === JSON.stringify(before)) continue;
    const label = labels.length ? labels.join("、") : ((m.category_label as string | null) ?? null);
    sql.push(
      `update "matter" set "qualifications" = ${literal(JSON.stringify(codes))}, "category_label" = ${literal(label)} where "id" = ${Number(m.id)}`,
    );
  }
  for (const i of await execute(`select "id", "categories" from "inspector"`)) {
    const before = list(i.categories);
    const { codes, labels } = splitLegacyCategories(before);
    if (JSON.stringify(codes) === JSON.stringify(before)) continue;
    sql.push(
      `update "inspector" set "categories" = ${literal(JSON.stringify(codes))}, "category_labels" = ${literal(JSON.stringify(labels))} where "id" = ${Number(i.id)}`,
    );
  }
  return sql;
}
