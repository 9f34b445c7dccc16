import { CHUNK_CHARS, chunksOf, joinChunks, SMALL_CHUNK_CHARS } from "@ssj/draw-engine";
import { escapeTsvField } from "@ssj/shared";

/** What a visit keeps of its subject from the freeze: the name, and whose directory each department drew it from. */
export interface SubjectFacts {
  name: string | null;
  directories: Record<string, string> | null;
}

/** The first line of the stored snapshot's current form (subject-facts.ts reads it, and the older JSON form). */
export const SUBJECTS_FORMAT = "ssj-subjects/2";

/**
 * The subjects' names and source directories as the departments' pool entries gave them at the freeze. Kept
 * beside the frozen pools (draw_pool kind `subjects`), never in them: the candidate pool's canonical form and the
 * draw record are published and hashed (packages/draw-engine/FORMAT.md), and neither a name nor a directory
 * decides anything in the draw. Execute copies them onto the drawn visits.
 *
 * A subject is the index `SubjectTally` gave it: the names sit in flat arrays beside the tally's, with no map or
 * object per subject of their own (docs/performance.md: at 600,000 subjects a second keyed map and an object per
 * subject were a noticeable share of the freeze and its garbage).
 *
 * In a whole-system plan a subject may sit in the city's own directory and in units' directories: the city's own
 * record wins (its matters are the city's), else the first unit in registry order, so the choice does not depend
 * on which department's stream answered first.
 */
export class SubjectSnapshot {
  /** By tally index: the name the first directory in registry order gave ("" for none), and that directory's rank. */
  private names: string[] = [];
  private nameRanks: number[] = [];
  /** Tally index → plan department → the lower-level units' directories (code, registry rank) that held the subject for it. */
  private units = new Map<number, Map<string, { code: string; rank: number }[]>>();
  /** `index department` pairs the plan department's own directory holds (kept for whole-system plans only). */
  private own = new Set<string>();

  /**
   * `wholeSystem`: the plan draws lower-level units' directories too; otherwise every source is the department itself.
   * `indexOf`: the tally's index of a subject id (for `serialise`).
   */
  constructor(
    private readonly wholeSystem: boolean,
    private indexOf: (subjectId: string) => number,
  ) {}

  /**
   * `subject`: the tally's index of the subject (new subjects arrive in index order); `line`: the pool line (its
   * `name` is read only when it is kept: a TSV line's view decodes it then, pool-tsv.ts); `rank`: the source
   * directory's place in the plan's order (its departments, then the units by registry id).
   */
  add(subject: number, line: { readonly name?: string | null }, department: string, source: string, rank: number): void {
    if (subject === this.names.length) {
      this.names.push(line.name ?? "");
      this.nameRanks.push(rank);
    } else if (!this.names[subject] || rank < this.nameRanks[subject]!) {
      const name = line.name;
      if (name) {
        this.names[subject] = name;
        this.nameRanks[subject] = rank;
      }
    }
    if (!this.wholeSystem) return;
    if (source === department) {
      this.own.add(`${subject} ${department}`);
      return;
    }
    const byDepartment = this.units.get(subject) ?? new Map<string, { code: string; rank: number }[]>();
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), { code: source, rank }]);
    this.units.set(subject, byDepartment);
  }

  facts(subject: number): SubjectFacts {
    return { name: this.names[subject] || null, directories: this.directories(subject) };
  }

  private directories(subject: number): Record<string, string> | null {
    const held = this.units.get(subject);
    if (!held) return null;
    const directories: Record<string, string> = {};
    for (const [department, units] of held) {
      if (this.own.has(`${subject} ${department}`)) continue;
      directories[department] = [...units].sort((a, b) => a.rank - b.rank)[0]!.code;
    }
    return Object.keys(directories).length ? directories : null;
  }

  /**
   * Drops the names and directories, and the hold `indexOf` has on the tally (and everything the freeze gathered
   * beside it), once the stored text is written: at 600,000 subjects they are tens of megabytes that the rest of the
   * freeze does not need (docs/performance.md, sixth pass). The snapshot is empty afterwards.
   */
  release(): void {
    this.names = [];
    this.nameRanks = [];
    this.units = new Map();
    this.own = new Set();
    this.indexOf = () => -1;
  }

  /**
   * The stored form, for the candidates only (the others were left out), given in subject-id order by code point
   * (as the frozen pool is sorted), so that execute finds a drawn subject by binary search without parsing the
   * rest: a format line, then one line per subject — `uscc TAB name TAB directories` (a JSON object, or empty),
   * fields escaped as in the pool streams (packages/shared/src/pool-tsv.ts); an absent name is an empty field.
   */
  serialise(candidates: Iterable<string>): string {
    return joinChunks(this.serialiseChunks(candidates, SMALL_CHUNK_CHARS));
  }

  /**
   * {@link serialise} as chunks of at least `size` code units, each ending with a line, so that freeze stores it
   * a chunk at a time (pool-store.ts) and no text of tens of megabytes (two-byte, with Chinese names) exists whole.
   */
  serialiseChunks(candidates: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
    return chunksOf(`${SUBJECTS_FORMAT}\n`, candidates, (subjectId) => this.line(subjectId), size);
  }

  private line(subjectId: string): string {
    const index = this.indexOf(subjectId);
    const directories = this.directories(index);
    return `${escapeTsvField(subjectId)}\t${escapeTsvField(this.names[index] ?? "")}\t${directories ? escapeTsvField(JSON.stringify(directories)) : ""}\n`;
  }
}
