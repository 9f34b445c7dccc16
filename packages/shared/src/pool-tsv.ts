/**
 * The candidate pool stream's TAB-separated wire format (docs/architecture.md, "The pool streams' wire format"),
 * which the county asks for with `Accept: text/tab-separated-values`; a department that answers NDJSON instead is
 * read as before.
 *
 * Why: receiving a million NDJSON lines cost the county a quarter of its freeze (docs/performance.md, fourth
 * pass) — web streams, a `TextDecoder` per chunk, and a `JSON.parse` building an object with two arrays per line
 * that was read for a few fields and dropped. Here a line is scanned byte by byte from the network `Buffer`, and a
 * reused view carries it to the caller: the id's bytes in place, and the id and the name as strings only if they are
 * read (the county reads them for a subject it has not seen yet; in the joint draw 400,000 of a million lines are
 * for a subject already seen, and each made two strings to throw away, docs/performance.md).
 *
 * One line: `uscc name region category supervisionTypes riskClass abnormalList dishonest seriousViolation
 * keySectors`, TAB-separated, LF-terminated. A TAB, LF, CR or backslash inside a field is written `\t`, `\n`,
 * `\r`, `\\`, so no value can break a line; UTF-8 never puts the bytes 0x09 or 0x0A inside a multi-byte character.
 * This is PostgreSQL's COPY text format, in which a department on PostgreSQL has the database write its pools
 * (subgraphs/department/src/pool/candidate-copy.ts); COPY also writes a backspace, form feed and vertical tab as
 * `\b`, `\f`, `\v`, so the reader accepts those too (a writer need not use them).
 * The flags are `1` or `0`; the two lists are JSON arrays of strings (a county has a handful of distinct ones,
 * parsed once each); an absent name is an empty field.
 */
import type { CandidateLine } from "./pool-lines.js";

export const CANDIDATE_TSV_TYPE = "text/tab-separated-values";
export const NDJSON_TYPE = "application/x-ndjson";

const ESCAPES: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\" };
/** What the reader accepts: the writer's four escapes and COPY's three others. */
const UNESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", "\\": "\\", b: "\b", f: "\f", v: "\v" };
const SPECIAL = /[\t\n\r\\]/;

export function escapeTsvField(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[\t\n\r\\]/g, (c) => ESCAPES[c]!) : value;
}

export function unescapeTsvField(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => {
    const u = UNESCAPES[c];
    if (u === undefined) throw new Error(`bad escape \\${c} in a pool line`);
    return u;
  });
}

/** One department row as a TSV line (without its LF); `lists` are the JSON texts of the two list columns. */
export function candidateTsvLine(row: {
  uscc: string;
  name: string | null | undefined;
  region: string;
  category: string;
  supervisionTypes: string;
  riskClass: string;
  abnormalList: boolean;
  dishonest: boolean;
  seriousViolation: boolean;
  keySectors: string;
}): string {
  const e = escapeTsvField;
  const flag = (b: boolean) => (b ? "1" : "0");
  return `${e(row.uscc)}\t${e(row.name ?? "")}\t${e(row.region)}\t${e(row.category)}\t${e(row.supervisionTypes)}\t${e(row.riskClass)}\t${flag(row.abnormalList)}\t${flag(row.dishonest)}\t${flag(row.seriousViolation)}\t${e(row.keySectors)}`;
}

/** The fields the county reads of a candidate line, as a plain object (see `candidateFields`). */
export interface CandidateFields {
  uscc: string;
  name: string;
  supervisionTypes: string;
  riskClass: string;
  abnormalList: boolean;
  dishonest: boolean;
  seriousViolation: boolean;
  keySector: boolean;
}

/**
 * What the county reads of a candidate line, one instance reused for every line: read it inside the callback, and
 * copy it with `candidateFields` (an object spread would miss `uscc` and `name`, which a TSV line's view decodes
 * only when they are read). `supervisionTypes` is the list's JSON text, a key to cache whatever is worked out from it.
 *
 * `idBytes[idStart, idEnd)` are the UTF-8 bytes of `uscc`, so that a subject already seen is found without making a
 * string of its id (subgraphs/county/src/draws/id-table.ts); both formats give the same bytes for the same id.
 */
export interface CandidateView extends CandidateFields {
  readonly idBytes: Uint8Array;
  readonly idStart: number;
  readonly idEnd: number;
}

/** A plain copy of the view's fields (what a caller keeps of a line beyond its callback). */
export function candidateFields(view: CandidateFields): CandidateFields {
  return {
    uscc: view.uscc,
    name: view.name,
    supervisionTypes: view.supervisionTypes,
    riskClass: view.riskClass,
    abnormalList: view.abnormalList,
    dishonest: view.dishonest,
    seriousViolation: view.seriousViolation,
    keySector: view.keySector,
  };
}

const NO_BYTES = new Uint8Array(0);

export const emptyCandidateView = (): CandidateView => ({
  uscc: "",
  name: "",
  supervisionTypes: "[]",
  riskClass: "",
  abnormalList: false,
  dishonest: false,
  seriousViolation: false,
  keySector: false,
  idBytes: NO_BYTES,
  idStart: 0,
  idEnd: 0,
});

/** Fills `view` (a plain object, as `emptyCandidateView` makes) from an NDJSON line (the format of departments that do not speak TSV). */
export function viewOfLine(line: CandidateLine, view: CandidateView): CandidateView {
  const v = view as Mutable<CandidateView>;
  v.uscc = line.uscc;
  v.name = line.name ?? "";
  v.supervisionTypes = JSON.stringify(line.supervisionTypes);
  v.riskClass = line.riskClass;
  v.abnormalList = line.abnormalList;
  v.dishonest = line.dishonest;
  v.seriousViolation = line.seriousViolation;
  v.keySector = line.keySectors.length > 0;
  v.idBytes = Buffer.from(line.uscc, "utf8");
  v.idStart = 0;
  v.idEnd = v.idBytes.length;
  return view;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The view of a TSV line: the id and the name are decoded when first read (most lines are for a subject the county
 * has seen already, whose id it finds by `idBytes` and whose name it has), the other fields when the line is read.
 */
class TsvCandidateView implements CandidateView {
  supervisionTypes = "[]";
  riskClass = "";
  abnormalList = false;
  dishonest = false;
  seriousViolation = false;
  keySector = false;
  idBytes: Uint8Array = NO_BYTES;
  idStart = 0;
  idEnd = 0;
  /** The line's buffer and where its name field starts and ends (its id's field is `idBytes` when not decoded). */
  line: Buffer = Buffer.alloc(0);
  nameStart = 0;
  nameEnd = 0;
  /** Whether the name field holds a non-ASCII byte (decoded as UTF-8, else as latin1: cheaper). */
  nameUtf8 = false;
  /** The decoded values, or undefined until read. */
  id: string | undefined = undefined;
  nameText: string | undefined = undefined;

  get uscc(): string {
    // an id with an escape or a non-ASCII byte is decoded when the line is read (`idBytes` are then its UTF-8 bytes)
    return (this.id ??= this.line.toString("latin1", this.idStart, this.idEnd));
  }

  get name(): string {
    return (this.nameText ??= this.line.toString(this.nameUtf8 ? "utf8" : "latin1", this.nameStart, this.nameEnd));
  }
}

const FIELDS = 10;
const RISK_CLASSES = ["A", "B", "C", "D"];

/** Reads a TSV candidate stream chunk by chunk; `push` calls `onLine` for every whole line. */
export class CandidateTsvReader {
  private rest: Buffer | null = null;
  private readonly view = new TsvCandidateView();
  private readonly starts = new Int32Array(FIELDS + 1);
  private readonly flags = new Uint8Array(FIELDS);
  /** keySectors JSON text → non-empty (a handful of distinct values; bounded so that odd data cannot grow it). */
  private readonly sectors = new Map<string, boolean>([["[]", false]]);
  /** The supervision types' bytes and text of the last few distinct lists (see `types`). */
  private readonly recentTypes: [Buffer, string][] = [];

  constructor(private readonly onLine: (view: CandidateView) => void) {}

  push(chunk: Buffer): void {
    const b = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let nl = b.indexOf(10, start); nl >= 0; nl = b.indexOf(10, start)) {
      if (nl > start) this.line(b, start, nl);
      start = nl + 1;
    }
    this.rest = start < b.length ? Buffer.from(b.subarray(start)) : null;
  }

  /** The end of the stream: a last line without its LF is still a line. */
  end(): void {
    if (this.rest?.length) this.line(this.rest, 0, this.rest.length);
    this.rest = null;
  }

  private line(b: Buffer, start: number, end: number): void {
    const { starts, flags } = this;
    let field = 0;
    starts[0] = start;
    flags.fill(0);
    // one pass over the bytes: where each field starts, and whether it holds a non-ASCII byte (1) or an escape (2)
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      if (c === 9) {
        if (++field >= FIELDS) break;
        starts[field] = i + 1;
      } else if (c >= 0x80) flags[field]! |= 1;
      else if (c === 92) flags[field]! |= 2;
    }
    if (field !== FIELDS - 1) throw new Error(`a pool line has ${field + 1} fields, not ${FIELDS}`);
    starts[FIELDS] = end + 1;
    const v = this.view;
    v.line = b;
    // an id or name with an escape is decoded now, so that a bad escape is refused whether or not it is read
    if (flags[0]) {
      // escaped or non-ASCII: keyed by the UTF-8 bytes of the decoded id, as an NDJSON line's is
      v.id = this.text(b, 0);
      v.idBytes = Buffer.from(v.id, "utf8");
      v.idStart = 0;
      v.idEnd = v.idBytes.length;
    } else {
      v.id = undefined;
      v.idBytes = b;
      v.idStart = starts[0]!;
      v.idEnd = starts[1]! - 1;
    }
    v.nameStart = starts[1]!;
    v.nameEnd = starts[2]! - 1;
    v.nameUtf8 = (flags[1]! & 1) === 1;
    v.nameText = flags[1]! & 2 ? this.text(b, 1) : undefined;
    v.supervisionTypes = this.types(b);
    // a one-letter class is one of four constant strings; anything else is passed on for the engine to refuse
    const r = b[starts[5]!]! - 65;
    v.riskClass = starts[6]! - starts[5]! === 2 && r >= 0 && r < 4 ? RISK_CLASSES[r]! : this.text(b, 5);
    v.abnormalList = this.flag(b, 6);
    v.dishonest = this.flag(b, 7);
    v.seriousViolation = this.flag(b, 8);
    // "[]", the usual value, without making a string of it
    const k = starts[9]!;
    v.keySector = starts[10]! - k === 3 && b[k] === 91 && b[k + 1] === 93 ? false : this.keySector(this.text(b, 9));
    this.onLine(v);
  }

  /** Field `k` of the line being read, decoded (as latin1 when it is ASCII: cheaper) and unescaped. */
  private text(b: Buffer, k: number): string {
    const s = b.toString(this.flags[k]! & 1 ? "utf8" : "latin1", this.starts[k]!, this.starts[k + 1]! - 1);
    return this.flags[k]! & 2 ? unescapeTsvField(s) : s;
  }

  private flag(b: Buffer, k: number): boolean {
    const c = b[this.starts[k]!];
    if (this.starts[k + 1]! - this.starts[k]! !== 2 || (c !== 48 && c !== 49)) throw new Error(`a pool line's flag is not 0 or 1`);
    return c === 49;
  }

  /**
   * The supervision types' text, the same string for the same bytes: a directory has a handful of distinct lists,
   * so the bytes are compared with the few seen last instead of decoding a string per line.
   */
  private types(b: Buffer): string {
    const start = this.starts[4]!;
    const length = this.starts[5]! - 1 - start;
    seen: for (const [bytes, text] of this.recentTypes) {
      if (bytes.length !== length) continue;
      for (let i = 0; i < length; i++) if (bytes[i] !== b[start + i]) continue seen;
      return text;
    }
    const text = this.text(b, 4);
    this.recentTypes.unshift([Buffer.from(b.subarray(start, start + length)), text]);
    if (this.recentTypes.length > 8) this.recentTypes.pop();
    return text;
  }

  private keySector(json: string): boolean {
    let known = this.sectors.get(json);
    if (known === undefined) {
      known = (JSON.parse(json) as unknown[]).length > 0;
      if (this.sectors.size < 1000) this.sectors.set(json, known);
    }
    return known;
  }
}
