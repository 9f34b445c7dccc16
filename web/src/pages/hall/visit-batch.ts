import type { HallVisit } from "./VisitRows";

/**
 * The rows after a batch of incoming visits: a visit already shown is replaced, the others are added, in rank
 * order. Pure and O(rows + batch) when visits arrive in rank order (the usual case: the draw emits them so), so
 * the hall can take a whole animation frame's events at once instead of copying and sorting per event.
 */
export function mergeByRank(rows: readonly HallVisit[], batch: readonly HallVisit[]): HallVisit[] {
  if (batch.length === 0) return rows as HallVisit[];
  const incoming = new Map(batch.map((v) => [v.id, v]));
  const out: HallVisit[] = [];
  for (const r of rows) {
    const replaced = incoming.get(r.id);
    if (replaced) incoming.delete(r.id);
    out.push(replaced ?? r);
  }
  const added = [...incoming.values()];
  out.push(...added);
  // Sorting only when something came out of order (or a replaced visit changed rank).
  for (let i = 1; i < out.length; i++) if (out[i - 1]!.rank > out[i]!.rank) return out.sort((a, b) => a.rank - b.rank);
  return out;
}
