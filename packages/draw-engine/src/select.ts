/**
 * Selection: within each stratum the smallest tickets win.
 *
 * Why: this is the consistent sampler run per stratum. Selecting the k smallest tickets of a stratum is
 * exactly taking the first k ids the Python `sampler(stratum_ids, seed)` yields, so the selection can
 * be reproduced with the reference package stratum by stratum. The output is in ticket order across
 * all strata (the order in which inspectors are then assigned); `rank` is the position within the
 * stratum (1 = smallest ticket of that stratum).
 */

import { InvalidInputError } from "./errors.js";
import { TicketTable } from "./sampler.js";
import { STRATA } from "./strata.js";
import type { CandidateEntry, SelectedEntry, Stratum } from "./types.js";

/**
 * Select `targets[s]` subjects of each stratum s (the smallest tickets under `seed`).
 * Candidates are assumed validated (distinct, well-formed ids), as {@link runDraw} does.
 */
export function selectByStrata(
  candidates: readonly Pick<CandidateEntry, "subjectId" | "stratum">[],
  seed: string,
  targets: Partial<Record<Stratum, number>>,
): SelectedEntry[] {
  const n = candidates.length;
  const ids = new Array<string>(n);
  const groupOf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const g = STRATA.indexOf(c.stratum);
    if (g < 0) throw new InvalidInputError(`市场主体 ${c.subjectId} 的层级 ${String(c.stratum)} 无效`, { subjectId: c.subjectId });
    ids[i] = c.subjectId;
    groupOf[i] = g;
  }
  const k = STRATA.map((s) => {
    const t = targets[s] ?? 0;
    if (!Number.isSafeInteger(t) || t < 0) throw new InvalidInputError(`层级 ${s} 的抽取数量 ${t} 无效`, { stratum: s, target: t });
    return t;
  });
  const table = new TicketTable(ids, seed);
  const winners = table.smallestByGroup(groupOf, k);
  const order: number[] = [];
  const rankOf = new Map<number, number>();
  winners.forEach((w) => w.forEach((i, r) => (order.push(i), rankOf.set(i, r + 1))));
  order.sort((a, b) => table.compare(a, b));
  return order.map((i) => ({ id: ids[i]!, stratum: STRATA[groupOf[i]!]!, ticket: table.ticketOf(i), rank: rankOf.get(i)! }));
}
