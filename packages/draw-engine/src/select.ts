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
import { TicketTable } from "./ticket-table.js";
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
  return selectWithIndex(candidates, seed, targets).map(({ index: _index, ...entry }) => entry);
}

/** As {@link selectByStrata}, each entry also giving the candidate's index in `candidates` (internal). */
export function selectWithIndex(
  candidates: readonly Pick<CandidateEntry, "subjectId" | "stratum">[],
  seed: string,
  targets: Partial<Record<Stratum, number>>,
): (SelectedEntry & { index: number })[] {
  const n = candidates.length;
  const groupIndex: Record<string, number> = Object.fromEntries(STRATA.map((s, g) => [s, g]));
  const ids = new Array<string>(n);
  const groupOf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const g = Object.hasOwn(groupIndex, c.stratum) ? groupIndex[c.stratum]! : -1;
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
  // merge the per-stratum lists (each already in ticket order) into one list in ticket order
  const heads = winners.map(() => 0);
  const out: (SelectedEntry & { index: number })[] = [];
  for (;;) {
    let g = -1;
    for (let h = 0; h < winners.length; h++) {
      if (heads[h]! >= winners[h]!.length) continue;
      if (g < 0 || table.compare(winners[h]![heads[h]!]!, winners[g]![heads[g]!]!) < 0) g = h;
    }
    if (g < 0) return out;
    const i = winners[g]![heads[g]!]!;
    heads[g]!++;
    out.push({ id: ids[i]!, stratum: STRATA[g]!, ticket: table.ticketOf(i), rank: heads[g]!, index: i });
  }
}
