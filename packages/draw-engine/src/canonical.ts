/**
 * Canonical text of the frozen pools, and their SHA-256 digests.
 *
 * Why: the digests are published at freeze time, before the seed exists (docs/draw-record.md). Anyone holding
 * the pools must be able to rebuild the exact same bytes, in any language, so the form is simple,
 * fully specified text: a header line, then one line per entry sorted by id, fields separated by TAB,
 * list fields sorted and de-duplicated, special characters escaped, UTF-8, LF line ends. The exact
 * grammar is in ../FORMAT.md.
 */

import { createSha256, sha256HexOf } from "#sha256";
import { CHUNK_CHARS, chunksOf, joinChunks, SMALL_CHUNK_CHARS } from "./chunks.js";
import { DuplicateIdError, InvalidInputError } from "./errors.js";
import { STRATA } from "./strata.js";
import type { CandidateEntry, InspectorEntry, PersonStatus } from "./types.js";
import { compareCodePoints, escapeField, escapeItem, isStrictlyIncreasing, isWellFormed, sortedByCodePoints } from "./text.js";

/** Header line (without LF) of each canonical pool text. */
export const CANDIDATE_POOL_FORMAT = "ssj-candidate-pool/1";
export const INSPECTOR_POOL_FORMAT = "ssj-inspector-pool/1";
export const EXPERT_POOL_FORMAT = "ssj-expert-pool/1";

const STATUSES: readonly PersonStatus[] = ["ACTIVE", "SUSPENDED", "TRANSFERRED"];
const NEEDS_ESCAPE = /[\\\t\n\r,]/;

/**
 * SHA-256 hex of the UTF-8 bytes of a text, whole or as its chunks (the digest of their concatenation, provided no
 * chunk ends inside a character — a stored text's chunks end at whole lines).
 */
export function digest(text: string | readonly string[]): string {
  if (typeof text === "string") return sha256HexOf(text);
  const h = createSha256();
  for (const chunk of text) h.update(chunk);
  return h.hex();
}

function text(v: unknown, what: string): string {
  if (typeof v !== "string" || v.length === 0) throw new InvalidInputError(`${what} 必须是非空字符串`, { what, value: v });
  if (!isWellFormed(v)) throw new InvalidInputError(`${what} 含有无法编码为 UTF-8 的字符`, { what, value: v });
  return v;
}

function optText(v: unknown, what: string): string {
  return v === undefined || v === null || v === "" ? "" : text(v, what);
}

function list(v: unknown, what: string): string {
  if (!Array.isArray(v)) throw new InvalidInputError(`${what} 必须是字符串数组`, { what, value: v });
  if (v.length === 0) return "";
  if (v.length === 1) {
    const s = text(v[0], what);
    return NEEDS_ESCAPE.test(s) ? escapeItem(s) : s;
  }
  const items = [...new Set(v.map((x) => text(x, what)))].sort(compareCodePoints);
  return items.map((s) => (NEEDS_ESCAPE.test(s) ? escapeItem(s) : s)).join(",");
}

function field(s: string): string {
  return /[\\\t\n\r]/.test(s) ? escapeField(s) : s;
}

/** Sort entries by key in code point order (sortedByCodePoints), rejecting duplicates. */
function sortedByKey<T>(entries: readonly T[], key: (e: T) => string, pool: string): readonly T[] {
  // freeze hands over a pool it has sorted already: one pass proves it (strictly increasing, so no duplicate
  // either), and the entries are read as they are, without a copy of a million-element array
  if (isStrictlyIncreasing(entries, key)) return entries;
  const out = sortedByCodePoints(entries, key);
  const dupes: string[] = [];
  for (let i = 1; i < out.length; i++) if (key(out[i]!) === key(out[i - 1]!)) dupes.push(key(out[i]!));
  if (dupes.length > 0) throw new DuplicateIdError(pool, [...new Set(dupes)]);
  return out;
}

/**
 * `list` remembering its result per array: the candidates of a county share a handful of matter and
 * department lists (the county builds each distinct list once), so a million lines sort a handful of
 * lists. Bounded, so that pools whose every entry has its own arrays (JSON read back) cost no memory.
 */
export function listCache(): (v: unknown, what: string) => string {
  const seen = new Map<unknown, string>();
  return (v, what) => {
    let s = seen.get(v);
    if (s === undefined) {
      s = list(v, what);
      if (Array.isArray(v) && v.length > 1 && seen.size < 4096) seen.set(v, s);
    }
    return s;
  };
}

/** The canonical line (with LF) of one candidate; validates the entry. */
export function candidateLine(e: CandidateEntry, lists: (v: unknown, what: string) => string = list): string {
  const id = text(e.subjectId, "subjectId");
  if (!STRATA.includes(e.stratum))
    throw new InvalidInputError(`市场主体 ${id} 的层级 ${String(e.stratum)} 无效`, { subjectId: id, stratum: e.stratum });
  return `${field(id)}\t${e.stratum}\t${lists(e.matters, "matters")}\t${lists(e.departments, "departments")}\n`;
}

/** The canonical line (with LF) of one inspector or expert; validates the entry. */
export function personLine(e: InspectorEntry): string {
  const id = text(e.id, "id");
  if (!STATUSES.includes(e.status)) throw new InvalidInputError(`人员 ${id} 的状态 ${String(e.status)} 无效`, { id, status: e.status });
  return (
    `${field(id)}\t${field(text(e.department, "department"))}\t${list(e.categories, "categories")}\t${field(text(e.region, "region"))}\t` +
    `${e.status}\t${list(e.conflicts, "conflicts")}\t${field(optText(e.lastVisitedSubject, "lastVisitedSubject"))}\t${field(optText(e.level, "level"))}\n`
  );
}

/** The canonical text in chunks of at least `size` code units (keeps memory flat for million-entry pools). */
function* emit<T>(
  header: string,
  entries: readonly T[],
  key: (e: T) => string,
  line: (e: T) => string,
  pool: string,
  size: number,
): Generator<string> {
  yield* chunksOf(`${header}\n`, sortedByKey(entries, key, pool), line, size);
}

function hashed(chunks: Iterable<string>): string {
  const h = createSha256();
  for (const c of chunks) h.update(c);
  return h.hex();
}

const personChunks = (header: string, pool: string, entries: readonly InspectorEntry[]) =>
  emit(header, entries, (e) => e.id, personLine, pool, SMALL_CHUNK_CHARS);

/**
 * The canonical text of the candidate pool as chunks of at least `size` code units, each ending with a line
 * (their concatenation is {@link canonicalCandidatePool}): freeze hashes and stores each chunk as it comes. The
 * entries are validated (and sorted, if they are not yet) when the first chunk is asked for.
 */
export function candidatePoolChunks(entries: readonly CandidateEntry[], size = CHUNK_CHARS): Generator<string> {
  const lists = listCache();
  return emit(
    CANDIDATE_POOL_FORMAT,
    entries,
    (e) => e.subjectId,
    (e) => candidateLine(e, lists),
    "candidates",
    size,
  );
}

/** Canonical text of the candidate pool. */
export function canonicalCandidatePool(entries: readonly CandidateEntry[]): string {
  return joinChunks(candidatePoolChunks(entries, SMALL_CHUNK_CHARS));
}

/** Canonical text of the inspector pool. */
export function canonicalInspectorPool(entries: readonly InspectorEntry[]): string {
  return joinChunks(personChunks(INSPECTOR_POOL_FORMAT, "inspectors", entries));
}

/** Canonical text of the expert pool. */
export function canonicalExpertPool(entries: readonly InspectorEntry[]): string {
  return joinChunks(personChunks(EXPERT_POOL_FORMAT, "experts", entries));
}

/** SHA-256 hex of the canonical candidate pool (streamed, same value as digest(canonicalCandidatePool(e))). */
export function candidatePoolDigest(entries: readonly CandidateEntry[]): string {
  return hashed(candidatePoolChunks(entries, SMALL_CHUNK_CHARS));
}

/** SHA-256 hex of the canonical inspector pool. */
export function inspectorPoolDigest(entries: readonly InspectorEntry[]): string {
  return hashed(personChunks(INSPECTOR_POOL_FORMAT, "inspectors", entries));
}

/** SHA-256 hex of the canonical expert pool. */
export function expertPoolDigest(entries: readonly InspectorEntry[]): string {
  return hashed(personChunks(EXPERT_POOL_FORMAT, "experts", entries));
}
