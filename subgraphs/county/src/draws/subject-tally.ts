import { STRATA, sortedSet, stratumOf, stratumRank, type DepartmentRisk, type Stratum } from "@ssj/draw-engine";

/** What a subject is drawn for; one shared instance per distinct combination (a county has a handful). */
export interface SubjectKind {
  /** Plan matter refs (`department:matterId`) that apply to the subject, sorted. */
  matters: string[];
  /** Plan departments whose directory holds the subject, sorted. */
  departments: string[];
  /** Supervision types the subject is under in those directories, sorted (for results-based recognition). */
  types: string[];
}

/** What one department's line adds to a subject (see `SubjectTally.lineKind`); `next` memoises kind → kind. */
export interface LineKind {
  readonly department: string;
  readonly matters: readonly string[];
  readonly types: readonly string[];
  readonly next: Map<number, number>;
}

/** Strata by rank (A = 0 … FLAGGED = 4), the inverse of `stratumRank`. */
const BY_RANK: Stratum[] = [...STRATA].sort((a, b) => stratumRank(a) - stratumRank(b));

/**
 * The subjects a freeze gathers, folded line by line as the department streams arrive.
 *
 * Why: holding each of 600,000 subjects as an object with its own arrays, set and risk records made
 * freeze spend most of its time in the garbage collector and the county peak at 2 GiB
 * (docs/performance.md). Here a subject is an index into flat arrays of small integers — its highest
 * stratum rank and its kind — and the few distinct kinds are shared by every subject that has them.
 * The result is the same as folding the subject's risks with `stratumOf` and its matters and
 * departments with `sortedSet`, which is what `buildCandidate` does.
 */
export class SubjectTally {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly ranks: number[] = [];
  private readonly kindOf: number[] = [];
  private readonly kinds: SubjectKind[] = [];
  private readonly kindByKey = new Map<string, number>();

  /**
   * What a line of one department says a subject is drawn for: the plan matters that apply to it there
   * (non-empty) and its supervision types there. The caller keeps one per department and combination of
   * supervision types, so that folding a line into a subject's kind is an array look-up.
   */
  lineKind(department: string, matters: readonly string[], types: readonly string[]): LineKind {
    return { department, matters, types, next: new Map() };
  }

  /**
   * One department's line for a subject: its risk there (validated as `stratumOf` does; not kept, so the caller
   * may reuse one object for every line) and its line kind. Returns the subject's index, which numbers subjects
   * 0, 1, 2… in the order they were first seen (the subjects' snapshot keeps its arrays by it).
   */
  add(subjectId: string, risk: DepartmentRisk, line: LineKind): number {
    const rank = stratumRank(stratumOf([risk]));
    const i = this.index.get(subjectId);
    if (i === undefined) {
      this.index.set(subjectId, this.ids.length);
      this.ranks.push(rank);
      this.kindOf.push(this.step(-1, line));
      return this.ids.push(subjectId) - 1;
    }
    if (rank > this.ranks[i]!) this.ranks[i] = rank;
    this.kindOf[i] = this.step(this.kindOf[i]!, line);
    return i;
  }

  /** The subject's index (see `add`), or -1. */
  indexOf(subjectId: string): number {
    return this.index.get(subjectId) ?? -1;
  }

  has(subjectId: string): boolean {
    return this.index.has(subjectId);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Every subject in the order it was first seen (= by index). */
  forEach(visit: (subjectId: string, stratum: Stratum, kind: SubjectKind, index: number) => void): void {
    for (let i = 0; i < this.ids.length; i++) visit(this.ids[i]!, BY_RANK[this.ranks[i]!]!, this.kinds[this.kindOf[i]!]!, i);
  }

  private step(from: number, line: LineKind): number {
    let to = line.next.get(from);
    if (to === undefined) {
      const base = from < 0 ? { matters: [], departments: [], types: [] } : this.kinds[from]!;
      to = this.intern({
        matters: sortedSet([...base.matters, ...line.matters]),
        departments: sortedSet([...base.departments, line.department]),
        types: sortedSet([...base.types, ...line.types]),
      });
      line.next.set(from, to);
    }
    return to;
  }

  private intern(kind: SubjectKind): number {
    const key = JSON.stringify([kind.matters, kind.departments, kind.types]);
    let id = this.kindByKey.get(key);
    if (id === undefined) {
      id = this.kinds.push(kind) - 1;
      this.kindByKey.set(key, id);
    }
    return id;
  }
}
