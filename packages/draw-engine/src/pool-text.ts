/**
 * Reading a canonical candidate pool text back into entries (the inverse of canonical.ts for candidates).
 *
 * Why: the county stores each frozen candidate pool as its canonical text — the exact bytes whose SHA-256
 * it published at freeze — so that executing the draw can check the stored pool against the published
 * digest with one native hash, and read the entries back, instead of canonicalising a million entries
 * again (docs/performance.md). The text was validated when it was written; a text whose digest does
 * not match is never trusted (see `runDraw`'s `verifiedCandidateDigest`).
 */

import { CANDIDATE_POOL_FORMAT } from "./canonical.js";
import { COMMITTED_POOL_FORMAT, type CommittedCandidate } from "./commitment.js";
import { InvalidInputError } from "./errors.js";
import { STRATA } from "./strata.js";
import { compareCodePoints } from "./text.js";
import type { CandidateEntry, Stratum } from "./types.js";

const SHA256_HEX = /^[0-9a-f]{64}$/;
const UNESCAPE: Record<string, string> = { "\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r", "\\,": "," };
export const unescape = (s: string) => (s.includes("\\") ? s.replace(/\\[\\tnr,]/g, (m) => UNESCAPE[m]!) : s);

/** Split a list field on unescaped commas, then unescape each item. */
export function items(field: string): string[] {
  if (field === "") return [];
  if (!field.includes("\\")) return field.split(",");
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < field.length; i++) {
    if (field[i] === "\\") i++;
    else if (field[i] === ",") {
      out.push(unescape(field.slice(start, i)));
      start = i + 1;
    }
  }
  out.push(unescape(field.slice(start)));
  return out;
}

/**
 * `items` returning one shared array per distinct field text: a county's million lines carry a handful of
 * distinct matter and department lists, and a million small arrays were most of what the garbage
 * collector had to trace (docs/performance.md). Bounded, so a pool of all-distinct lists costs no memory.
 * The shared arrays must not be mutated (nothing does: entries are read, hashed and serialised).
 */
function itemsCache(): (field: string) => string[] {
  const seen = new Map<string, string[]>();
  return (field) => {
    let out = seen.get(field);
    if (out === undefined) {
      out = items(field);
      if (seen.size < 4096) seen.set(field, out);
    }
    return out;
  };
}

/** True when `text` (or its first chunk) is a canonical candidate pool (rather than, say, the JSON array older draws stored). */
export function isCanonicalCandidatePool(text: string): boolean {
  return text.startsWith(`${CANDIDATE_POOL_FORMAT}\n`);
}

/**
 * Each line of a canonical text after its header, split into its 4 TAB-separated fields (by `indexOf`,
 * not a generator and `split`: this runs once per candidate of a million-line pool).
 *
 * The text may come as its chunks, as the county stores it (a row per chunk of about a million characters): read
 * chunk by chunk, it is never joined into one string of tens of megabytes (joining the stored chunks took a
 * quarter of the county's reading of a draw, docs/performance.md "Ninth pass"). The stored chunks end at whole
 * lines; a line that does run over a chunk's end is carried into the next, so any split reads the same.
 */
export function eachLine(
  text: string | readonly string[],
  header: string,
  visit: (a: string, b: string, c: string, d: string, line: number) => void,
): void {
  const chunks = typeof text === "string" ? [text] : text;
  const first = chunks[0] ?? "";
  if (!first.startsWith(`${header}\n`)) throw new InvalidInputError(`名录文本不是 ${header} 格式`, {});
  let line = 2;
  let carry = "";
  for (let k = 0; k < chunks.length; k++) {
    let chunk = carry + chunks[k]!;
    carry = "";
    if (k < chunks.length - 1 && !chunk.endsWith("\n")) {
      const cut = chunk.lastIndexOf("\n") + 1;
      carry = chunk.slice(cut);
      chunk = chunk.slice(0, cut);
    }
    line = linesOf(chunk, k === 0 ? header.length + 1 : 0, line, visit);
  }
}

/** The lines of `text` from `at` (each LF-terminated), numbered from `line`; returns the next line's number. */
function linesOf(
  text: string,
  at: number,
  line: number,
  visit: (a: string, b: string, c: string, d: string, line: number) => void,
): number {
  for (; at < text.length; line++) {
    const end = text.indexOf("\n", at);
    if (end < 0) throw new InvalidInputError("名录文本的最后一行没有换行符", { line });
    const t1 = text.indexOf("\t", at);
    const t2 = t1 < 0 || t1 > end ? -1 : text.indexOf("\t", t1 + 1);
    const t3 = t2 < 0 || t2 > end ? -1 : text.indexOf("\t", t2 + 1);
    const t4 = t3 < 0 || t3 > end ? -1 : text.indexOf("\t", t3 + 1);
    if (t3 < 0 || t3 > end || (t4 >= 0 && t4 < end)) throw new InvalidInputError("名录文本的一行应有 4 个字段", { line });
    visit(text.slice(at, t1), text.slice(t1 + 1, t2), text.slice(t2 + 1, t3), text.slice(t3 + 1, end), line);
    at = end + 1;
  }
  return line;
}

/** The entries of a canonical candidate pool text (whole or as its chunks, see `eachLine`), in its (subject id) order. */
export function parseCandidatePool(text: string | readonly string[]): CandidateEntry[] {
  const out: CandidateEntry[] = [];
  const lists = itemsCache();
  eachLine(text, CANDIDATE_POOL_FORMAT, (id, stratum, matters, departments, line) => {
    if (!STRATA.includes(stratum as Stratum)) throw new InvalidInputError(`名录文本的层级 ${stratum} 无效`, { line });
    out.push({ subjectId: unescape(id), stratum: stratum as Stratum, matters: lists(matters), departments: lists(departments) });
  });
  return out;
}

/** True when `text` is a canonical committed candidate pool (FORMAT.md §9). */
export function isCanonicalCommittedPool(text: string): boolean {
  return text.startsWith(`${COMMITTED_POOL_FORMAT}\n`);
}

/** The entries of a canonical committed pool text (whole or as its chunks, see `eachLine`), in its (subject id) order. */
export function parseCommittedPool(text: string | readonly string[]): CommittedCandidate[] {
  const out: CommittedCandidate[] = [];
  const lists = itemsCache();
  eachLine(text, COMMITTED_POOL_FORMAT, (id, commitment, matters, departments, line) => {
    if (!SHA256_HEX.test(commitment)) throw new InvalidInputError("名录文本的承诺值不是 SHA-256", { line });
    out.push({ subjectId: unescape(id), commitment, matters: lists(matters), departments: lists(departments) });
  });
  return out;
}

/**
 * A canonical text as chunks that each end at a whole line (but the last): the stored chunks as they are, or joined
 * into one when some chunk ends inside a line, so that a line is always found inside one chunk.
 */
export function wholeLineChunks(text: string | readonly string[]): readonly string[] {
  if (typeof text === "string") return [text];
  const chunks = text.filter((c) => c.length > 0);
  for (let k = 0; k < chunks.length - 1; k++) if (!chunks[k]!.endsWith("\n")) return [chunks.join("")];
  return chunks.length ? chunks : [""];
}

/**
 * Where the line of a canonical text (lines sorted by their first field, the id, in code point order) whose id is
 * `id` starts, or null: the chunk (of `wholeLineChunks`) and the line's start in it. A binary search over the chunks
 * by the id of each chunk's first line, then over that chunk's characters, so that a few thousand drawn subjects are
 * found in a million-line text without reading every line, or joining its chunks into one string (docs/performance.md,
 * "Twelfth pass").
 */
export function findLine(
  chunks: readonly string[],
  header: string,
  id: string,
  /** How the text escapes its first field (the canonical texts' escapes by default). */
  unescapeId: (field: string) => string = unescape,
): { chunk: string; at: number } | null {
  const idAt = (text: string, start: number) => unescapeId(text.slice(start, text.indexOf("\t", start)));
  let lo = 0;
  let hi = chunks.length - 1;
  // the last chunk whose first line's id is not above `id` (a chunk after the first starts with a line)
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (compareCodePoints(idAt(chunks[mid]!, 0), id) <= 0) lo = mid;
    else hi = mid - 1;
  }
  const chunk = chunks[lo] ?? "";
  const at = findLineFrom(chunk, lo === 0 ? header.length + 1 : 0, id, idAt);
  return at < 0 ? null : { chunk, at };
}

/** The start of the line whose id is `id` in `text` from `from` (a line start), by binary search, or -1. */
function findLineFrom(text: string, from: number, id: string, idAt: (text: string, start: number) => string): number {
  let lo = from;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === lo ? lo : text.lastIndexOf("\n", mid - 1) + 1;
    const order = compareCodePoints(idAt(text, start), id);
    if (order === 0) return start;
    if (order < 0) lo = text.indexOf("\n", start) + 1;
    else hi = start;
  }
  return -1;
}
