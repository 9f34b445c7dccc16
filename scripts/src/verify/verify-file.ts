import {
  candidatePoolDigest,
  deriveSeed,
  firstDifference,
  normalizeRules,
  selectByStrata,
  stratumTargets,
  verifyRecord,
  DrawEngineError,
  type CandidateEntry,
  type DrawRecord,
  type InspectorEntry,
  type Stratum,
} from "@ssj/draw-engine";

import { verifyCeremony, type CeremonySection } from "./verify-ceremony.js";

export type FileVerification = { ok: true; scope: string } | { ok: false; firstDifference: string };

interface PublicFile {
  format?: string;
  draw?: CeremonySection;
  record?: DrawRecord;
  candidates?: CandidateEntry[];
  inspectors?: InspectorEntry[];
  experts?: InspectorEntry[];
}

/** What the public can recompute without the inspector pool: seed, tickets, counts and selection. */
function verifySelection(record: DrawRecord, candidates: CandidateEntry[]): string | null {
  const digest = candidatePoolDigest(candidates);
  if (digest !== record.pools.candidates.digest)
    return `record.pools.candidates.digest: the published candidate pool hashes to ${digest}, record has ${record.pools.candidates.digest}`;
  if (record.seed.inputs.candidatePoolDigest !== digest)
    return "record.seed.inputs.candidatePoolDigest: differs from the candidate pool digest";
  if (record.seed.inputs.inspectorPoolDigest !== record.pools.inspectors.digest)
    return "record.seed.inputs.inspectorPoolDigest: differs from record.pools.inspectors.digest";
  if (record.seed.inputs.expertPoolDigest !== record.pools.experts.digest)
    return "record.seed.inputs.expertPoolDigest: differs from record.pools.experts.digest";
  const seed = deriveSeed(record.seed.inputs);
  if (seed !== record.seed.value) return `record.seed.value: expected ${seed}, record has ${record.seed.value}`;
  const rules = normalizeRules(record.rules);
  const sizes: Partial<Record<Stratum, number>> = {};
  for (const c of candidates) sizes[c.stratum] = (sizes[c.stratum] ?? 0) + 1;
  const targets = Object.fromEntries(stratumTargets(sizes, rules.ratios, rules.cap).map((p) => [p.stratum, p.target]));
  const selected = selectByStrata(candidates, seed, targets);
  const d = firstDifference(selected, record.selected, "record.selected");
  if (d) return d;
  for (const [i, s] of record.strata.entries()) {
    const drawn = selected.filter((x) => x.stratum === s.stratum).length;
    if (s.target !== (targets[s.stratum] ?? 0))
      return `record.strata[${i}].target: expected ${targets[s.stratum] ?? 0}, record has ${s.target}`;
    if (s.drawn !== drawn) return `record.strata[${i}].drawn: expected ${drawn}, record has ${s.drawn}`;
  }
  const assigned = record.assignment.map((a) => a.subjectId);
  const dd = firstDifference(
    selected.map((s) => s.id),
    assigned,
    "record.assignment[*].subjectId",
  );
  if (dd) return dd;
  for (const [i, a] of record.assignment.entries()) {
    const n = Object.values(a.inspectors).flat().length;
    if (n < rules.minInspectors) return `record.assignment[${i}]: ${n} inspectors, fewer than the minimum ${rules.minInspectors}`;
  }
  return null;
}

/** Verifies a downloaded draw record file (docs/draw-record.md). */
export function verifyPublicFile(file: unknown): FileVerification {
  const f = file as PublicFile;
  if (typeof f !== "object" || f === null || !f.record) return { ok: false, firstDifference: "file: not a draw record (no `record`)" };
  try {
    const ceremony = verifyCeremony(f.draw, f.record.seed?.inputs?.ceremonyValues ?? []);
    if (ceremony) return { ok: false, firstDifference: ceremony };
    if (f.candidates && f.inspectors && f.experts) {
      const r = verifyRecord(f.record, { candidates: f.candidates, inspectors: f.inspectors, experts: f.experts });
      return r.ok ? { ok: true, scope: "whole record recomputed from the frozen pools, inspector assignment included" } : r;
    }
    if (!f.candidates) return { ok: false, firstDifference: "file: the candidate pool is missing, nothing can be recomputed" };
    const d = verifySelection(f.record, f.candidates);
    return d
      ? { ok: false, firstDifference: d }
      : {
          ok: true,
          scope:
            "seed, every ticket, per-stratum counts and the selection recomputed; the inspector assignment needs the auditors' export (?pools=all) to be recomputed",
        };
  } catch (e) {
    if (e instanceof DrawEngineError) return { ok: false, firstDifference: `recomputation failed: ${e.code}: ${e.message}` };
    throw e;
  }
}
