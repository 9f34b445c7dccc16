import { splitLegacyCategories } from "@ssj/shared";

type Execute = (sql: string) => Promise<{ id: number; matters: unknown }[]>;

/**
 * Plans made before the shared enforcement categories snapshot their matters' free-text qualifications; this
 * rewrites each snapshot's qualifications as shared codes where the text names one exactly and keeps any other
 * text as the snapshot's `categoryLabel`, as the department's migration does with the matter itself (a label,
 * never matched). Frozen draws keep their stored pools and records untouched, so their records still verify. Used by the county's
 * data migration for both dialects (identifiers in double quotes, JSON as a text literal).
 */
export async function legacyPlanCategoryUpdates(execute: Execute): Promise<string[]> {
  const sql: string[] = [];
  for (const plan of await execute(`select "id", "matters" from "plan"`)) {
    const matters = (typeof plan.matters === "string" ? JSON.parse(plan.matters) : plan.matters) as {
      qualifications?: string[];
      categoryLabel?: string;
    }[];
    let changed = false;
    for (const m of matters) {
      const { codes, labels } = splitLegacyCategories(m.qualifications ?? []);
      if (JSON.stringify(codes) !== JSON.stringify(m.qualifications ?? [])) {
        m.qualifications = codes;
        if (labels.length) m.categoryLabel = labels.join("、");
        changed = true;
      }
    }
    if (changed) sql.push(`update "plan" set "matters" = '${JSON.stringify(matters).replace(/'/g, "''")}' where "id" = ${Number(plan.id)}`);
  }
  return sql;
}
