import type { EntityManager } from "@mikro-orm/core";
import { findLine, wholeLineChunks } from "@ssj/draw-engine";
import { unescapeTsvField } from "@ssj/shared";
import { readPoolTextChunks } from "./pool-store.js";
import { SUBJECTS_FORMAT, type SubjectFacts } from "./subject-snapshot.js";

const NONE: SubjectFacts = { name: null, directories: null };
const field = (raw: string) => (raw.includes("\\") ? unescapeTsvField(raw) : raw);

/**
 * The facts of one subject in the stored snapshot's current form (subject-snapshot.ts), given as its stored chunks
 * (each ending at a whole line, see the engine's `wholeLineChunks`), found by binary search over its lines (sorted
 * by subject id, by code point; the engine's `findLine`, with the pool streams' escapes): execute looks up the few
 * thousand drawn subjects and parses nothing else, without joining the chunks (docs/performance.md, "Twelfth pass").
 */
export function findSubjectFacts(chunks: readonly string[], uscc: string): SubjectFacts {
  const line = findLine(chunks, SUBJECTS_FORMAT, uscc, field);
  if (!line) return NONE;
  const { chunk, at } = line;
  const end = chunk.indexOf("\n", at);
  const tab = chunk.indexOf("\t", at);
  const tab2 = chunk.indexOf("\t", tab + 1);
  const name = field(chunk.slice(tab + 1, tab2));
  const directories = chunk.slice(tab2 + 1, end);
  return { name: name || null, directories: directories ? (JSON.parse(field(directories)) as Record<string, string>) : null };
}

/**
 * The facts of a draw's stored snapshot (whole or as its chunks). Draws frozen before its current form keep theirs
 * as one JSON object (uscc → [name, directories]), parsed whole as before; draws frozen before any snapshot was kept
 * have none (`text` null), and their visits keep null.
 */
export function subjectFactsOf(text: string | readonly string[] | null): (uscc: string) => SubjectFacts {
  if (text === null) return () => NONE;
  const chunks = wholeLineChunks(text);
  if (chunks[0]!.startsWith(`${SUBJECTS_FORMAT}\n`)) return (uscc) => findSubjectFacts(chunks, uscc);
  const stored = JSON.parse(chunks.join("")) as Record<string, [string | null, Record<string, string> | null]>;
  return (uscc) => {
    const [name, directories] = stored[uscc] ?? [null, null];
    return { name, directories };
  };
}

export async function loadSubjectFacts(em: EntityManager, drawId: number): Promise<(uscc: string) => SubjectFacts> {
  return subjectFactsOf(await readPoolTextChunks(em, drawId, "subjects"));
}
