/**
 * The three ways to check a draw (FORMAT.md §10): the public view, a subject opening its own
 * commitment, and the auditors' full record. Each returns the checks it could make, so that
 * `verify-draw` can say what a given file allowed — and the first difference if any check failed.
 */

import { committedPoolDigest, stratumCommitment } from "./commitment.js";
import { DrawEngineError } from "./errors.js";
import { firstDifference, verifyRecord } from "./record.js";
import { normalizeRules } from "./rules.js";
import { compareTickets, ticket } from "./sampler.js";
import { deriveSeed } from "./seed.js";
import { STRATA, stratumTargets } from "./strata.js";
import { publicView, type PublicDrawView } from "./public-view.js";
import type { CandidateEntry, DrawRecord, InspectorEntry, Stratum } from "./types.js";

export type ViewCheck = { ok: true; checks: string[] } | { ok: false; checks: string[]; firstDifference: string };

class Mismatch extends Error {}
const fail = (msg: string): never => {
  throw new Mismatch(msg);
};

function run(body: (checked: string[]) => void): ViewCheck {
  const checks: string[] = [];
  try {
    body(checks);
    return { ok: true, checks };
  } catch (e) {
    if (e instanceof Mismatch) return { ok: false, checks, firstDifference: e.message };
    if (e instanceof DrawEngineError) return { ok: false, checks, firstDifference: `recomputation failed: ${e.code}: ${e.message}` };
    throw e;
  }
}

/** What anyone can check from the public view alone. */
export function verifyPublicView(view: PublicDrawView): ViewCheck {
  return run((checks) => {
    const cands = view.candidates;
    const committed = committedPoolDigest(cands);
    if (committed !== view.pools.committedCandidates.digest)
      fail(
        `pools.committedCandidates.digest: the published candidates hash to ${committed}, view has ${view.pools.committedCandidates.digest}`,
      );
    if (cands.length !== view.pools.candidates.count)
      fail(`pools.candidates.count: ${cands.length} candidates published, view says ${view.pools.candidates.count}`);
    checks.push("committed candidate pool digest and count");

    const inputs = view.seed.inputs;
    for (const k of ["candidates", "inspectors", "experts"] as const)
      if (inputs[`${k.slice(0, -1)}PoolDigest` as "candidatePoolDigest"] !== view.pools[k].digest)
        fail(`seed.inputs.${k.slice(0, -1)}PoolDigest: differs from pools.${k}.digest`);
    const seed = deriveSeed(inputs);
    if (seed !== view.seed.value) fail(`seed.value: expected ${seed}, view has ${view.seed.value}`);
    checks.push("seed from the published pool digests and ceremony values");

    const rules = normalizeRules(view.rules);
    const sizes = Object.fromEntries(view.strata.map((s) => [s.stratum, s.poolSize])) as Partial<Record<Stratum, number>>;
    const total = view.strata.reduce((n, s) => n + s.poolSize, 0);
    if (total !== cands.length) fail(`strata[*].poolSize: they add up to ${total}, ${cands.length} candidates published`);
    const plans = stratumTargets(sizes, rules.ratios, rules.cap);
    for (const [i, s] of view.strata.entries()) {
      const p = plans.find((x) => x.stratum === s.stratum);
      if (!p || !STRATA.includes(s.stratum)) fail(`strata[${i}].stratum: unknown ${s.stratum}`);
      if (p!.ratioTarget !== s.ratioTarget) fail(`strata[${i}].ratioTarget: expected ${p!.ratioTarget}, view has ${s.ratioTarget}`);
      if (p!.target !== s.target) fail(`strata[${i}].target: expected ${p!.target}, view has ${s.target}`);
      if (s.drawn !== s.target) fail(`strata[${i}].drawn: ${s.drawn}, target is ${s.target}`);
    }
    checks.push("per-stratum targets from the counts and the plan's ratios and cap");

    const tickets = new Map(cands.map((c) => [c.subjectId, ticket(c.subjectId, seed)]));
    const commitments = new Map(cands.map((c) => [c.subjectId, c.commitment]));
    const drawnTotal = view.strata.reduce((n, s) => n + s.drawn, 0);
    if (view.selected.length !== drawnTotal) fail(`selected: ${view.selected.length} subjects, the strata drew ${drawnTotal}`);
    const chosen = new Set<string>();
    for (const [i, s] of view.selected.entries()) {
      const t = tickets.get(s.id);
      if (t === undefined) fail(`selected[${i}].id: ${s.id} is not a candidate`);
      if (chosen.has(s.id)) fail(`selected[${i}].id: ${s.id} twice`);
      chosen.add(s.id);
      if (t !== s.ticket) fail(`selected[${i}].ticket: expected ${JSON.stringify(t)}, view has ${JSON.stringify(s.ticket)}`);
      if (commitments.get(s.id) !== s.commitment) fail(`selected[${i}].commitment: differs from the candidate's`);
      if (i > 0 && compareTickets(view.selected[i - 1]!.ticket, s.ticket) > 0) fail(`selected[${i}]: not in ticket order`);
    }
    checks.push("every selected subject's ticket, recomputed from the seed");

    const drawnStrata = view.strata.filter((s) => s.drawn > 0);
    for (const s of view.strata) {
      if (s.drawn > 0 !== (s.threshold !== null)) fail(`strata ${s.stratum}.threshold: must be given exactly when someone was drawn`);
      if (s.threshold === null) continue;
      if (!view.selected.some((x) => x.ticket === s.threshold)) fail(`strata ${s.stratum}.threshold: not the ticket of a selected subject`);
      const within = view.selected.filter((x) => compareTickets(x.ticket, s.threshold!) <= 0).length;
      if (within < s.drawn) fail(`strata ${s.stratum}.threshold: only ${within} selected tickets are within it, ${s.drawn} were drawn`);
    }
    const top = drawnStrata.reduce<string | null>((m, s) => (m === null || compareTickets(s.threshold!, m) > 0 ? s.threshold : m), null);
    for (const s of view.selected)
      if (top === null || compareTickets(s.ticket, top) > 0) fail(`selected ${s.id}: its ticket exceeds every stratum's threshold`);
    // If every non-empty stratum drew someone, a candidate left out with a ticket under every threshold was passed over.
    if (view.strata.every((s) => s.poolSize === 0 || s.drawn > 0) && drawnStrata.length) {
      const low = drawnStrata.reduce((m, s) => (compareTickets(s.threshold!, m) < 0 ? s.threshold! : m), drawnStrata[0]!.threshold!);
      for (const c of cands)
        if (!chosen.has(c.subjectId) && compareTickets(tickets.get(c.subjectId)!, low) <= 0)
          fail(`candidate ${c.subjectId}: ticket within every stratum's threshold, yet not selected`);
    }
    checks.push("every selected ticket within a stratum threshold; no candidate under every threshold left out");

    const ids = view.assignment.map((a) => a.subjectId);
    const d = firstDifference(
      view.selected.map((s) => s.id),
      ids,
      "assignment[*].subjectId",
      "view has",
    );
    if (d) fail(d);
    for (const [i, a] of view.assignment.entries()) {
      const n = Object.values(a.inspectors).flat().length;
      if (n < rules.minInspectors) fail(`assignment[${i}]: ${n} inspectors, fewer than the minimum ${rules.minInspectors}`);
    }
    checks.push("one team per selected subject, each with at least the minimum of inspectors");
  });
}

/** A subject's opening of its own commitment: what its supervising department hands it (docs/draw-record.md). */
export interface StratumOpening {
  subjectId: string;
  stratum: Stratum;
  salt: string;
}

/** The public checks, then: the opening matches the commitment, and the subject was drawn iff its ticket is within its stratum's threshold. */
export function verifyOpening(view: PublicDrawView, opening: StratumOpening): ViewCheck {
  const pub = verifyPublicView(view);
  if (!pub.ok) return pub;
  return run((checks) => {
    checks.push(...pub.checks);
    const c = view.candidates.find((x) => x.subjectId === opening.subjectId);
    if (!c) fail(`opening: ${opening.subjectId} is not a candidate of this draw`);
    if (stratumCommitment(opening.subjectId, opening.stratum, opening.salt) !== c!.commitment)
      fail(`opening: stratum ${opening.stratum} with this salt does not match ${opening.subjectId}'s commitment`);
    checks.push(`commitment of ${opening.subjectId} opened: stratum ${opening.stratum}`);
    const s = view.strata.find((x) => x.stratum === opening.stratum)!;
    const t = ticket(opening.subjectId, view.seed.value);
    const selected = view.selected.some((x) => x.id === opening.subjectId);
    const within = s.threshold !== null && compareTickets(t, s.threshold) <= 0;
    if (within && !selected) fail(`${opening.subjectId}: ticket ${t} is within stratum ${s.stratum}'s threshold, yet it was passed over`);
    if (selected && !within) fail(`${opening.subjectId}: selected, but its ticket exceeds stratum ${s.stratum}'s threshold`);
    checks.push(`${opening.subjectId} ${selected ? "drawn" : "not drawn"}, as its ticket and its stratum's threshold require`);
  });
}

/** The auditors' export: the full record, the frozen pools and every salt. */
export interface AuditExport {
  record: DrawRecord;
  candidates: CandidateEntry[];
  inspectors: InspectorEntry[];
  experts: InspectorEntry[];
  salts: Record<string, string>;
}

/** Everything: the public checks, the whole record recomputed from the pools, and the view rebuilt from it. */
export function verifyAudit(view: PublicDrawView, audit: AuditExport): ViewCheck {
  const pub = verifyPublicView(view);
  if (!pub.ok) return pub;
  return run((checks) => {
    checks.push(...pub.checks);
    const r = verifyRecord(audit.record, { candidates: audit.candidates, inspectors: audit.inspectors, experts: audit.experts });
    if (!r.ok) fail(r.firstDifference);
    checks.push("whole record recomputed from the frozen pools, strata and inspector assignment included");
    const d = firstDifference(publicView(audit.record, audit.candidates, audit.salts), view, "view", "published");
    if (d) fail(d);
    checks.push("every candidate's commitment opened with its salt; the public view is the record's");
  });
}
