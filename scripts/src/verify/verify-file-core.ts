import {
  deriveSeed,
  verifyAudit,
  verifyOpening,
  verifyPublicView,
  viewDigest,
  type AuditExport,
  type PublicDrawView,
  type StratumOpening,
  type ViewCheck,
} from "@ssj/draw-engine";
import type { PublishedKey, SignedCheckpoint } from "@ssj/shared";
import { verifyCeremony, type CeremonySection } from "./verify-ceremony.js";

/** Which of the three views a file (and an opening) allowed: docs/draw-record.md, "Verifying". */
export type ViewName = "public" | "subject" | "auditor" | "withheld";

export type FileVerification =
  { ok: true; view: ViewName; checks: string[]; scope: string } | { ok: false; view: ViewName; checks: string[]; firstDifference: string };

interface DrawFile {
  format?: string;
  draw?: CeremonySection;
  disclosure?: { policy: string; disclosed: boolean; viewDigest: string | null };
  summary?: { pools: PublicDrawView["pools"]; seed: PublicDrawView["seed"] };
  view?: PublicDrawView | null;
  chain?: { name: string; checkpoints: SignedCheckpoint[]; keys: PublishedKey[] };
  audit?: AuditExport;
}

export interface VerifyFileOptions {
  /** A subject's opening of its own commitment (what `discloseStratumOpening` returns). */
  opening?: StratumOpening;
  /** A copy of the same draw's file downloaded earlier: its checkpoints and view digest must still hold. */
  earlier?: unknown;
  /**
   * Checks a checkpoint's Ed25519 signature. Node passes `checkpointSignatureValid` (verify-file.ts); the
   * browser build of this file has no synchronous Ed25519, so without one the signatures are reported as
   * not checked here (everything else is), and `npm run verify-draw` checks them.
   */
  verifySignature?: (checkpoint: SignedCheckpoint, keys: PublishedKey[]) => boolean;
  /**
   * SHA-256 of the view's bytes exactly as they stand in the file. When it equals the committed digest the view
   * is byte for byte the committed one, so the view is not serialised again (the browser's worker passes it: a
   * 600,000-candidate view serialised twice ran the tab out of memory). Any other value changes nothing.
   */
  rawViewDigest?: string;
}

function chainChecks(f: DrawFile, opts: VerifyFileOptions, checks: string[]): string | null {
  const earlier = opts.earlier as DrawFile | undefined;
  const c = f.chain;
  if (!c) return "chain: the file has no signed checkpoints";
  if (opts.verifySignature) {
    for (const cp of c.checkpoints)
      if (!opts.verifySignature(cp, c.keys)) return `chain.checkpoints seq ${cp.seq}: signature does not verify with the published keys`;
    checks.push(`${c.checkpoints.length} signed checkpoints of ${c.name} verify with the published key(s)`);
  } else checks.push(`${c.checkpoints.length} checkpoint signatures of ${c.name} not checked here (npm run verify-draw checks them)`);
  if (earlier) {
    const now = new Map(c.checkpoints.map((x) => [x.seq, x.hash]));
    for (const old of earlier.chain?.checkpoints ?? []) {
      if (!now.has(old.seq)) return `chain: the earlier checkpoint at seq ${old.seq} is gone — the chain was truncated`;
      if (now.get(old.seq) !== old.hash)
        return `chain: seq ${old.seq} no longer has the hash of the earlier checkpoint — the chain was rewritten`;
    }
    checks.push("every checkpoint of the earlier copy still holds (no truncation, no rewrite)");
    const before = earlier.disclosure?.viewDigest;
    if (before && before !== f.disclosure?.viewDigest)
      return `disclosure.viewDigest: the earlier copy committed to ${before}, this one says ${f.disclosure?.viewDigest}`;
  }
  return null;
}

function withScope(view: ViewName, r: ViewCheck, extra: string[]): FileVerification {
  const checks = [...extra, ...r.checks];
  if (!r.ok) return { ok: false, view, checks, firstDifference: r.firstDifference };
  const scope = {
    public: "the public view: seed, every ticket, counts and thresholds; strata stay committed",
    subject: "the public view and one subject's own commitment opened",
    auditor: "everything: the whole record recomputed from the frozen pools, every commitment opened",
    withheld: "",
  }[view];
  return { ok: true, view, checks, scope };
}

/** Verifies a downloaded draw record file (docs/draw-record.md) in the view it (and an opening) allows. */
export function verifyPublicFile(file: unknown, opts: VerifyFileOptions = {}): FileVerification {
  const f = file as DrawFile;
  if (typeof f !== "object" || f === null || f.format !== "ssj-public-draw/2")
    return { ok: false, view: "public", checks: [], firstDifference: "file: not a draw record of format ssj-public-draw/2" };
  const checks: string[] = [];
  const view: ViewName = f.audit ? "auditor" : opts.opening ? "subject" : f.view ? "public" : "withheld";
  const chainProblem = chainChecks(f, opts, checks);
  if (chainProblem) return { ok: false, view, checks, firstDifference: chainProblem };
  const seedInputs = (f.view ?? f.summary)?.seed?.inputs;
  const ceremonyProblem = verifyCeremony(f.draw, seedInputs?.ceremonyValues ?? []);
  if (ceremonyProblem) return { ok: false, view, checks, firstDifference: ceremonyProblem };
  if (f.draw?.ceremony) checks.push("the ceremony values are the canonical texts of their published provenance; every commitment revealed");
  if (!f.view) {
    const s = f.summary;
    if (!s) return { ok: false, view, checks, firstDifference: "file: neither a view nor a summary" };
    if (opts.opening)
      return {
        ok: false,
        view,
        checks,
        firstDifference: "opening: the full record is still withheld; check the opening once it is disclosed",
      };
    const seed = deriveSeed(s.seed.inputs);
    if (seed !== s.seed.value)
      return { ok: false, view, checks, firstDifference: `summary.seed.value: expected ${seed}, file has ${s.seed.value}` };
    checks.push("seed from the published pool digests and ceremony values");
    return {
      ok: true,
      view,
      checks,
      scope: `the full record is withheld until the plan's window ends (commitment ${f.disclosure?.viewDigest ?? "none"}); keep this file to check it then`,
    };
  }
  const committed = f.disclosure?.viewDigest;
  if (committed) {
    const d = opts.rawViewDigest === committed ? committed : viewDigest(f.view);
    if (d !== committed) return { ok: false, view, checks, firstDifference: `view: hashes to ${d}, the draw committed to ${committed}` };
    checks.push("the view hashes to the SHA-256 committed when the draw was published");
  }
  if (f.audit) return withScope(view, verifyAudit(f.view, f.audit), checks);
  if (opts.opening) return withScope(view, verifyOpening(f.view, opts.opening), checks);
  return withScope(view, verifyPublicView(f.view), checks);
}
