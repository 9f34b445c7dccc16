import type { EntityManager } from "@mikro-orm/core";
import {
  CHUNK_CHARS,
  chunksOf,
  escapeField,
  findLine,
  joinChunks,
  SMALL_CHUNK_CHARS,
  unescapeField,
  wholeLineChunks,
  type CandidateEntry,
} from "@ssj/draw-engine";
import { randomBytes } from "node:crypto";
import { readPoolTextChunks } from "./pool-store.js";

/** A candidate with the salt of its stratum commitment, kept beside it rather than in a million-key object. */
export type SaltedCandidate = CandidateEntry & { salt: string };

/**
 * Per-candidate salts of the stratum commitments (packages/draw-engine/FORMAT.md §9): 128 random bits
 * each, drawn at freeze time — before the seed — and kept with the frozen pools. Random rather than
 * derived from a key, so that no single secret opens every commitment of every draw.
 */
export function saltCandidates(candidates: CandidateEntry[]): SaltedCandidate[] {
  // One call for all the random bytes: a million small randomBytes calls cost seconds.
  const hex = randomBytes(16 * candidates.length).toString("hex");
  const salted = candidates as SaltedCandidate[];
  for (let i = 0; i < salted.length; i++) salted[i]!.salt = hex.slice(32 * i, 32 * i + 32);
  return salted;
}

/** The first line of the salts' stored text (draws frozen before it keep one JSON object, subject id → salt). */
export const SALTS_FORMAT = "ssj-salts/1";

/**
 * The stored form of the salts: a format line, then `subjectId TAB salt LF` per candidate, in the candidates' order
 * (by id, in code point order, as the frozen pool), the id escaped as in the canonical texts (packages/draw-engine
 * FORMAT.md). Sorted lines, so that one subject's salt is found by binary search over the stored chunks (`findSalt`)
 * instead of parsing every salt of the draw (docs/performance.md, "Twelfth pass").
 */
export function saltsText(candidates: readonly SaltedCandidate[]): string {
  return joinChunks(saltsTextChunks(candidates, SMALL_CHUNK_CHARS));
}

/** {@link saltsText} as chunks of at least `size` code units, each ending with a line (pool-store.ts stores them). */
export function saltsTextChunks(candidates: readonly SaltedCandidate[], size = CHUNK_CHARS): Generator<string> {
  return chunksOf(`${SALTS_FORMAT}\n`, candidates, (c) => `${escapeField(c.subjectId)}\t${c.salt}\n`, size);
}

const isSaltsText = (chunks: readonly string[]) => (chunks[0] ?? "").startsWith(`${SALTS_FORMAT}\n`);

/** Every salt of a stored salts text (either form, whole or as its chunks), subject id → salt. */
export function saltsOf(text: string | readonly string[]): Record<string, string> {
  const chunks = wholeLineChunks(text);
  if (!isSaltsText(chunks)) return JSON.parse(chunks.join("")) as Record<string, string>;
  const entries: [string, string][] = [];
  for (const [k, chunk] of chunks.entries()) {
    for (let at = k === 0 ? SALTS_FORMAT.length + 1 : 0; at < chunk.length;) {
      const tab = chunk.indexOf("\t", at);
      const end = chunk.indexOf("\n", at);
      if (tab < 0 || end < tab) throw new Error(`the stored salts have a line that is not "id TAB salt LF" (chunk ${k})`);
      entries.push([unescapeField(chunk.slice(at, tab)), chunk.slice(tab + 1, end)]);
      at = end + 1;
    }
  }
  // fromEntries defines each key as its own property, as JSON.parse does (an id such as "__proto__" included)
  return Object.fromEntries(entries);
}

/** One subject's salt in a stored salts text (either form, as its chunks), or null. */
export function findSalt(text: readonly string[], subjectId: string): string | null {
  const chunks = wholeLineChunks(text);
  if (!isSaltsText(chunks)) {
    const all = saltsOf(chunks);
    return Object.hasOwn(all, subjectId) ? all[subjectId]! : null;
  }
  const line = findLine(chunks, SALTS_FORMAT, subjectId);
  if (!line) return null;
  const tab = line.chunk.indexOf("\t", line.at);
  return line.chunk.slice(tab + 1, line.chunk.indexOf("\n", tab));
}

/** The salts of a frozen draw (empty for draws frozen before commitments existed). */
export async function loadSalts(em: EntityManager, drawId: number): Promise<Record<string, string>> {
  const chunks = await readPoolTextChunks(em, drawId, "salts");
  return chunks ? saltsOf(chunks) : {};
}

/** One subject's salt in a frozen draw, or null (not one of its candidates, or frozen before commitments existed). */
export async function loadSalt(em: EntityManager, drawId: number, subjectId: string): Promise<string | null> {
  const chunks = await readPoolTextChunks(em, drawId, "salts");
  return chunks ? findSalt(chunks, subjectId) : null;
}
