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
import type { CandidateEntry, Stratum } from "./types.js";

const UNESCAPE: Record<string, string> = { "\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r", "\\,": "," };
const unescape = (s: string) => (s.includes("\\") ? s.replace(/\\[\\tnr,]/g, (m) => UNESCAPE[m]!) : s);

/** Split a list field on unescaped commas, then unescape each item. */
function items(field: string): string[] {
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

/** True when `text` is a canonical candidate pool (rather than, say, the JSON array older draws stored). */
export function isCanonicalCandidatePool(text: string): boolean {
  return text.startsWith(`${CANDIDATE_POOL_FORMAT}\n`);
}

/** The lines of a canonical text after its header, each split into its 4 TAB-separated fields. */
function* lines(text: string, header: string): Generator<string[]> {
  if (!text.startsWith(`${header}\n`)) throw new InvalidInputError(`名录文本不是 ${header} 格式`, {});
  let at = header.length + 1;
  for (let line = 2; at < text.length; line++) {
    const end = text.indexOf("\n", at);
    if (end < 0) throw new InvalidInputError("名录文本的最后一行没有换行符", { line });
    const f = text.slice(at, end).split("\t");
    if (f.length !== 4) throw new InvalidInputError("名录文本的一行应有 4 个字段", { line });
    yield f;
    at = end + 1;
  }
}

/** The entries of a canonical candidate pool text, in its (subject id) order. */
export function parseCandidatePool(text: string): CandidateEntry[] {
  const out: CandidateEntry[] = [];
  for (const f of lines(text, CANDIDATE_POOL_FORMAT)) {
    if (!STRATA.includes(f[1] as Stratum)) throw new InvalidInputError(`名录文本的层级 ${f[1]} 无效`, { line: out.length + 2 });
    out.push({ subjectId: unescape(f[0]!), stratum: f[1] as Stratum, matters: items(f[2]!), departments: items(f[3]!) });
  }
  return out;
}

/** True when `text` is a canonical committed candidate pool (FORMAT.md §9). */
export function isCanonicalCommittedPool(text: string): boolean {
  return text.startsWith(`${COMMITTED_POOL_FORMAT}\n`);
}

/** The entries of a canonical committed pool text, in its (subject id) order. */
export function parseCommittedPool(text: string): CommittedCandidate[] {
  const out: CommittedCandidate[] = [];
  for (const f of lines(text, COMMITTED_POOL_FORMAT)) {
    if (!/^[0-9a-f]{64}$/.test(f[1]!)) throw new InvalidInputError("名录文本的承诺值不是 SHA-256", { line: out.length + 2 });
    out.push({ subjectId: unescape(f[0]!), commitment: f[1]!, matters: items(f[2]!), departments: items(f[3]!) });
  }
  return out;
}
