import type { EntityManager } from "@mikro-orm/core";
import { compareCodePoints } from "@ssj/draw-engine";
import { unescapeTsvField } from "@ssj/shared";
import { readPoolText } from "./pool-store.js";
import { SUBJECTS_FORMAT, type SubjectFacts } from "./subject-snapshot.js";

const NONE: SubjectFacts = { name: null, directories: null };
const field = (raw: string) => (raw.includes("\\") ? unescapeTsvField(raw) : raw);

/**
 * The facts of one subject in the stored snapshot's current form (subject-snapshot.ts), found by binary search
 * over its lines (sorted by subject id, by code point): execute looks up the few thousand drawn subjects and
 * parses nothing else. `lo` and `hi` are line starts (or the text's end).
 */
export function findSubjectFacts(text: string, uscc: string): SubjectFacts {
  let lo = SUBJECTS_FORMAT.length + 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === lo ? lo : text.lastIndexOf("\n", mid - 1) + 1;
    const end = text.indexOf("\n", start);
    const tab = text.indexOf("\t", start);
    const order = compareCodePoints(field(text.slice(start, tab)), uscc);
    if (order < 0) lo = end + 1;
    else if (order > 0) hi = start;
    else {
      const tab2 = text.indexOf("\t", tab + 1);
      const name = field(text.slice(tab + 1, tab2));
      const directories = text.slice(tab2 + 1, end);
      return { name: name || null, directories: directories ? (JSON.parse(field(directories)) as Record<string, string>) : null };
    }
  }
  return NONE;
}

/**
 * The facts of a draw's stored snapshot. Draws frozen before its current form keep theirs as one JSON object
 * (uscc → [name, directories]), parsed whole as before; draws frozen before any snapshot was kept have none
 * (`text` null), and their visits keep null.
 */
export function subjectFactsOf(text: string | null): (uscc: string) => SubjectFacts {
  if (text === null) return () => NONE;
  if (text.startsWith(`${SUBJECTS_FORMAT}\n`)) return (uscc) => findSubjectFacts(text, uscc);
  const stored = JSON.parse(text) as Record<string, [string | null, Record<string, string> | null]>;
  return (uscc) => {
    const [name, directories] = stored[uscc] ?? [null, null];
    return { name, directories };
  };
}

export async function loadSubjectFacts(em: EntityManager, drawId: number): Promise<(uscc: string) => SubjectFacts> {
  return subjectFactsOf(await readPoolText(em, drawId, "subjects"));
}
