import { ceremonyText, commitmentOf, type CeremonyValue } from "@ssj/draw-engine";

/** The ceremony part of a public draw file: the values with their provenance and the departments' commitments. */
export interface CeremonySection {
  ceremony?: CeremonyValue[] | null;
  commitments?: { department: string; sha256: string }[];
}

/**
 * Checks that the seed's ceremony values are the canonical texts of the published provenance
 * (FORMAT.md §2.1), and that every department's commitment was revealed by a value hashing to it
 * (§2.2). Null when all holds (or the file carries plain values only), else the first difference.
 */
export function verifyCeremony(section: CeremonySection | undefined, seedValues: string[]): string | null {
  const ceremony = section?.ceremony;
  const commitments = section?.commitments ?? [];
  if (!ceremony) return commitments.length ? "draw.ceremony: the departments committed values, but no revealed values are published" : null;
  if (ceremony.length !== seedValues.length)
    return `draw.ceremony: ${ceremony.length} values, record.seed.inputs.ceremonyValues has ${seedValues.length}`;
  for (const [i, c] of ceremony.entries()) {
    const text = ceremonyText(c);
    if (text !== seedValues[i])
      return `record.seed.inputs.ceremonyValues[${i}]: expected the canonical text of draw.ceremony[${i}] ${JSON.stringify(text)}, record has ${JSON.stringify(seedValues[i])}`;
  }
  for (const c of commitments) {
    const reveal = ceremony.find((v) => v.kind === "DEPARTMENT_COMMITMENT" && v.source === c.department);
    if (!reveal) return `draw.commitments: department ${c.department} committed a value that was not revealed`;
    if (commitmentOf(reveal.value) !== c.sha256)
      return `draw.commitments: department ${c.department}'s revealed value hashes to ${commitmentOf(reveal.value)}, commitment was ${c.sha256}`;
  }
  return null;
}
