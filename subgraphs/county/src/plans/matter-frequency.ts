import type { PlanMatterSnapshot } from "./plan.entity.js";

export interface MatterFrequencyRow {
  department: string;
  code: string;
  name: string;
  planned: number;
  yearlyFrequency: number | null;
}

/**
 * Per matter (department and stable code): how many active plans of the year carry it, against the
 * yearly frequency its latest planned version asks for (docs/rules.md). Pure: the plans are read by
 * the caller in one query.
 */
export function matterFrequencies(plans: { id: number; matters: PlanMatterSnapshot[] }[]): MatterFrequencyRow[] {
  const rows = new Map<string, MatterFrequencyRow>();
  for (const p of [...plans].sort((a, b) => a.id - b.id))
    for (const m of p.matters) {
      const key = `${m.department}:${m.code}`;
      const row = rows.get(key) ?? { department: m.department, code: m.code, name: m.name, planned: 0, yearlyFrequency: null };
      row.planned++;
      if (m.yearlyFrequency !== undefined) row.yearlyFrequency = m.yearlyFrequency;
      row.name = m.name;
      rows.set(key, row);
    }
  return [...rows.values()].sort((a, b) => a.department.localeCompare(b.department) || a.code.localeCompare(b.code));
}
