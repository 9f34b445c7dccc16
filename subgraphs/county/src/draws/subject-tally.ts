import { codePointOrder, riskRank, sortedSet, stratumOfRank, type DepartmentRisk, type Stratum } from "@ssj/draw-engine";
import type { CandidateView } from "@ssj/shared";
import { IdTable } from "./id-table.js";

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

/**
 * The subjects a freeze gathers, folded line by line as the department streams arrive.
 *
 * Why: holding each of 600,000 subjects as an object with its own arrays, set and risk records made
 * freeze spend most of its time in the garbage collector and the county peak at 2 GiB
 * (docs/performance.md). Here a subject is an index into flat arrays of small integers — its highest
 * stratum rank and its kind — and the few distinct kinds are shared by every subject that has them.
 * The result is the same as folding the subject's risks with `stratumOf` and its matters and
 * departments with `sortedSet`, which is what `buildCandidate` does.
 *
 * Subjects are keyed by their id's UTF-8 bytes (id-table.ts): `addLine` finds a line's subject by the bytes it
 * arrived as and makes the id's string only for a new subject (a `Map<string, number>` of 600,000 keys, hashing a
 * fresh string per line, was the top self time of freeze: docs/performance.md).
 */
export class SubjectTally {
  private readonly index = new IdTable();
  private readonly ids: string[] = [];
  private readonly ranks: number[] = [];
  private readonly kindOf: number[] = [];
  private readonly kinds: SubjectKind[] = [];
  private readonly kindByKey = new Map<string, number>();
  /** After `forEachById`: the indices in id order, each index's place in it, and where `indexOf` expects the next id. */
  private order: Uint32Array | null = null;
  private positions: Uint32Array | null = null;
  private cursor = 0;

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
   * 0, 1, 2… in the order they were first seen (the subjects' snapshot keeps its arrays by it). The subject is
   * found by the view's `idBytes`, and its `uscc` is read only for a new subject.
   */
  addLine(view: CandidateView, risk: DepartmentRisk, line: LineKind): number {
    const rank = riskRank(risk);
    const i = this.index.add(view.idBytes, view.idStart, view.idEnd);
    return i === this.ids.length ? this.first(view.uscc, rank, line) : this.again(i, rank, line);
  }

  private first(subjectId: string, rank: number, line: LineKind): number {
    this.ranks.push(rank);
    this.kindOf.push(this.step(-1, line));
    return this.ids.push(subjectId) - 1;
  }

  private again(i: number, rank: number, line: LineKind): number {
    if (rank > this.ranks[i]!) this.ranks[i] = rank;
    this.kindOf[i] = this.step(this.kindOf[i]!, line);
    return i;
  }

  /**
   * The subject's index (see `addLine`), or -1. Ids asked for in id order, as the subjects' snapshot asks for the
   * candidates once `forEachById` has run, are found by stepping along that order — one comparison of two references
   * to the same string — instead of a look-up in the 600,000-key table (≈ 0.5 s of freeze, docs/performance.md);
   * any other id is looked up, and the walk goes on from it.
   */
  indexOf(subjectId: string): number {
    const order = this.order;
    if (order && this.cursor < order.length) {
      const next = order[this.cursor]!;
      if (this.ids[next] === subjectId) {
        this.cursor++;
        return next;
      }
    }
    const i = this.index.indexOfString(subjectId);
    if (i < 0) return -1;
    if (this.positions) this.cursor = this.positions[i]! + 1;
    return i;
  }

  has(subjectId: string): boolean {
    return this.index.indexOfString(subjectId) >= 0;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Every subject in the order it was first seen (= by index). */
  forEach(visit: (subjectId: string, stratum: Stratum, kind: SubjectKind, index: number) => void): void {
    for (let i = 0; i < this.ids.length; i++) visit(this.ids[i]!, stratumOfRank(this.ranks[i]!), this.kinds[this.kindOf[i]!]!, i);
  }

  /**
   * Every subject in code point order of its id, the order the frozen pool is kept in: the ids are sorted once here
   * (by a radix sort, as subject ids are ASCII of one length: draw-engine's `codePointOrder`), so that the entries
   * built in this order need no sort of their own, and `indexOf` can walk the same order.
   */
  forEachById(visit: (subjectId: string, stratum: Stratum, kind: SubjectKind, index: number) => void): void {
    const order = codePointOrder(this.ids);
    const positions = new Uint32Array(order.length);
    for (let k = 0; k < order.length; k++) positions[order[k]!] = k;
    this.order = order;
    this.positions = positions;
    this.cursor = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      visit(this.ids[i]!, stratumOfRank(this.ranks[i]!), this.kinds[this.kindOf[i]!]!, i);
    }
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
