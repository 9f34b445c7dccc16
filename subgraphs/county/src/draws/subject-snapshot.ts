import type { EntityManager } from "@mikro-orm/core";
import { DrawPool } from "./draw.entity.js";

/** What a visit keeps of its subject from the freeze: the name, and whose directory each department drew it from. */
export interface SubjectFacts {
  name: string | null;
  directories: Record<string, string> | null;
}

/**
 * The subjects' names and source directories as the departments' pool entries gave them at the freeze. Kept
 * beside the frozen pools (draw_pool kind `subjects`), never in them: the candidate pool's canonical form and the
 * draw record are published and hashed (packages/draw-engine/FORMAT.md), and neither a name nor a directory
 * decides anything in the draw. Execute copies them onto the drawn visits.
 *
 * In a whole-system plan a subject may sit in the city's own directory and in units' directories: the city's own
 * record wins (its matters are the city's), else the first unit in registry order, so the choice does not depend
 * on which department's stream answered first.
 */
export class SubjectSnapshot {
  /** uscc → the name the first directory in registry order gave (streams answer in any order). */
  private readonly names = new Map<string, { name: string; rank: number }>();
  /** uscc → plan department → the lower-level units' directories (code, registry rank) that held the subject for it. */
  private readonly units = new Map<string, Map<string, { code: string; rank: number }[]>>();
  /** `uscc department` pairs the plan department's own directory holds (kept for whole-system plans only). */
  private readonly own = new Set<string>();

  /** `wholeSystem`: the plan draws lower-level units' directories too; otherwise every source is the department itself. */
  constructor(private readonly wholeSystem: boolean) {}

  /** `rank`: the source directory's place in the plan's order (its departments, then the units by registry id). */
  add(uscc: string, name: string | undefined, department: string, source: string, rank: number): void {
    const known = this.names.get(uscc);
    if (name && (!known || rank < known.rank)) this.names.set(uscc, { name, rank });
    if (!this.wholeSystem) return;
    if (source === department) {
      this.own.add(`${uscc} ${department}`);
      return;
    }
    const byDepartment = this.units.get(uscc) ?? new Map<string, { code: string; rank: number }[]>();
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), { code: source, rank }]);
    this.units.set(uscc, byDepartment);
  }

  facts(uscc: string): SubjectFacts {
    const directories: Record<string, string> = {};
    for (const [department, held] of this.units.get(uscc) ?? []) {
      if (this.own.has(`${uscc} ${department}`)) continue;
      directories[department] = [...held].sort((a, b) => a.rank - b.rank)[0]!.code;
    }
    return { name: this.names.get(uscc)?.name ?? null, directories: Object.keys(directories).length ? directories : null };
  }

  /** The stored form: uscc → [name, directories], for the candidates only (the others were left out). */
  serialise(candidates: Iterable<string>): string {
    const out: Record<string, [string | null, Record<string, string> | null]> = {};
    for (const uscc of candidates) {
      const f = this.facts(uscc);
      out[uscc] = [f.name, f.directories];
    }
    return JSON.stringify(out);
  }
}

/** The stored snapshot of a draw; empty for draws frozen before it was kept (their visits keep null). */
export async function loadSubjectFacts(em: EntityManager, drawId: number): Promise<(uscc: string) => SubjectFacts> {
  const row = await em.findOne(DrawPool, { drawId, kind: "subjects" }, { disableIdentityMap: true });
  const stored = row ? (JSON.parse(row.entries) as Record<string, [string | null, Record<string, string> | null]>) : {};
  return (uscc) => {
    const [name, directories] = stored[uscc] ?? [null, null];
    return { name, directories };
  };
}
