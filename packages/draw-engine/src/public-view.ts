/**
 * The public view of a draw record (FORMAT.md §10): everything the public may check, with no
 * candidate's stratum in it.
 *
 * Why a separate view rather than a redacted record: the full record (auditors) names each selected
 * subject's stratum and rank; the view replaces them by commitments, and publishes per stratum the
 * count, the target and the largest selected ticket (the threshold) — enough for the public to check
 * the seed, every ticket and the counts, and for each subject to check, once it opens its own
 * commitment, that it was not passed over.
 */

import { commitCandidates, COMMITTED_POOL_FORMAT, committedPoolDigest, type CommittedCandidate } from "./commitment.js";
import { createSha256 } from "#sha256";
import { digest } from "./canonical.js";
import { InvalidInputError } from "./errors.js";
import { eachLine, findLine, isCanonicalCommittedPool, items, unescape, wholeLineChunks } from "./pool-text.js";
import { sortedByCodePoints } from "./text.js";
import type { CandidateEntry, DrawRecord, PoolSummary, Stratum, VisitAssignment } from "./types.js";

export const PUBLIC_VIEW_FORMAT = "ssj-public-view/1";

/** Per stratum: the counts, and the largest selected ticket (null when nobody of it was drawn). */
export interface PublicStratum {
  stratum: Stratum;
  poolSize: number;
  ratio: number | null;
  ratioTarget: number;
  target: number;
  drawn: number;
  threshold: string | null;
}

export interface PublicSelected {
  id: string;
  ticket: string;
  commitment: string;
}

export interface PublicDrawView {
  format: typeof PUBLIC_VIEW_FORMAT;
  algorithm: DrawRecord["algorithm"];
  pools: DrawRecord["pools"] & { committedCandidates: PoolSummary };
  rules: DrawRecord["rules"];
  rulesDigest: string;
  seed: DrawRecord["seed"];
  strata: PublicStratum[];
  /** In ticket order, as in the record. */
  selected: PublicSelected[];
  assignment: VisitAssignment[];
  /** Every candidate, sorted by subject id, with its commitment. */
  candidates: CommittedCandidate[];
}

/** The view of a record, given the frozen candidates and their salts. */
export function publicView(
  record: DrawRecord,
  candidates: readonly CandidateEntry[],
  salts: Readonly<Record<string, string>>,
): PublicDrawView {
  return publicViewOfCommitted(record, commitCandidates(candidates, salts));
}

/**
 * The view of a record, given the committed candidates (as {@link commitCandidates} makes them, or as read
 * back from the committed pool text stored at freeze, whose digest the caller checked).
 */
export function publicViewOfCommitted(
  record: DrawRecord,
  committed: readonly CommittedCandidate[],
  /** The committed pool's digest when the caller already hashed its canonical text. */
  committedDigest: string = committedPoolDigest(committed),
): PublicDrawView {
  const chosen = new Set(record.selected.map((s) => s.id));
  const byId = new Map<string, string>();
  for (const c of committed) if (chosen.has(c.subjectId)) byId.set(c.subjectId, c.commitment);
  return viewWith(
    record,
    { count: committed.length, digest: committedDigest },
    byId,
    sortedByCodePoints(committed, (c) => c.subjectId),
  );
}

/** The view, its candidates given: everything but them comes from the record and the committed pool's summary. */
function viewWith<C>(
  record: DrawRecord,
  committed: { count: number; digest: string },
  commitmentOf: ReadonlyMap<string, string>,
  candidates: C,
): Omit<PublicDrawView, "candidates"> & { candidates: C } {
  const threshold = new Map<Stratum, string>();
  for (const s of record.selected) threshold.set(s.stratum, s.ticket); // selected is in ticket order: the last one wins
  return {
    format: PUBLIC_VIEW_FORMAT,
    algorithm: record.algorithm,
    pools: {
      ...record.pools,
      committedCandidates: { format: COMMITTED_POOL_FORMAT, count: committed.count, digest: committed.digest },
    },
    rules: record.rules,
    rulesDigest: record.rulesDigest,
    seed: record.seed,
    strata: record.strata.map((s) => ({ ...s, threshold: threshold.get(s.stratum) ?? null })),
    selected: record.selected.map((s) => ({ id: s.id, ticket: s.ticket, commitment: commitmentOf.get(s.id) ?? "" })),
    assignment: record.assignment,
    candidates,
  };
}

/**
 * SHA-256 of the view's JSON (`JSON.stringify`, keys in the order above): what an AFTER_WINDOW plan
 * publishes at draw time, before the view itself (FORMAT.md §11).
 */
export function viewDigest(view: PublicDrawView): string {
  const keys = Object.keys(view);
  if (keys[keys.length - 1] !== "candidates" || !Array.isArray(view.candidates)) return digest(JSON.stringify(view));
  return hashedView(JSON.stringify({ ...view, candidates: [] }), (add) => {
    for (const c of view.candidates) add(JSON.stringify(c));
  });
}

/**
 * The SHA-256 of a view's JSON given as its JSON with no candidates (`…,"candidates":[]}`, the candidates last) and
 * each candidate's JSON, fed to `add` in order: the same bytes as JSON.stringify of the whole view, hashed piece by
 * piece, since at a million candidates the whole text would be a 100 MB string built only to be hashed
 * (docs/performance.md).
 */
function hashedView(head: string, candidates: (add: (json: string) => void) => void): string {
  const h = createSha256();
  let buf = head.slice(0, -2);
  let first = true;
  candidates((json) => {
    buf += first ? json : `,${json}`;
    first = false;
    if (buf.length > 1 << 16) {
      h.update(buf);
      buf = "";
    }
  });
  h.update(buf + "]}");
  return h.hex();
}

/**
 * `viewDigest(publicViewOfCommitted(record, parseCommittedPool(text), committedDigest))`, the same value, read
 * straight from the committed pool's canonical text: no entry object per candidate, each line turned into its
 * JSON in place. Why: publishing signs the view's digest, and at 600,000 candidates building the entries (and
 * collecting them) was most of the publish (docs/performance.md). `text` must be the stored text the caller has
 * hashed to `committedDigest`, the digest freeze published: freeze wrote it, so it is canonical (sorted by id,
 * no duplicate, commitments of 64 hexadecimal digits) and is not checked line by line again.
 */
export function viewDigestOfCommittedText(record: DrawRecord, text: string | readonly string[], committedDigest: string): string {
  const chunks = wholeLineChunks(text);
  if (!isCanonicalCommittedPool(chunks[0] ?? "")) throw new InvalidInputError(`名录文本不是 ${COMMITTED_POOL_FORMAT} 格式`, {});
  const commitmentOf = new Map<string, string>();
  for (const s of record.selected) {
    const line = findLine(chunks, COMMITTED_POOL_FORMAT, s.id);
    if (line) {
      const tab = line.chunk.indexOf("\t", line.at);
      commitmentOf.set(s.id, line.chunk.slice(tab + 1, line.chunk.indexOf("\t", tab + 1)));
    }
  }
  // the lines after the header, each ending with LF
  let count = -1;
  for (const chunk of chunks) for (let at = chunk.indexOf("\n"); at >= 0; at = chunk.indexOf("\n", at + 1)) count++;
  if (!chunks[chunks.length - 1]!.endsWith("\n")) throw new InvalidInputError("名录文本的最后一行没有换行符", { line: count + 2 });
  const head = JSON.stringify(viewWith(record, { count, digest: committedDigest }, commitmentOf, []));
  const json = listJsonCache();
  return hashedView(head, (add) =>
    eachLine(chunks, COMMITTED_POOL_FORMAT, (id, commitment, matters, departments, line) => {
      if (commitment.length !== 64) throw new InvalidInputError("名录文本的承诺值不是 SHA-256", { line });
      add(
        `{"subjectId":${JSON.stringify(unescape(id))},"commitment":"${commitment}","matters":${json(matters)},"departments":${json(departments)}}`,
      );
    }),
  );
}

/** The JSON of a list field's items, once per distinct field text (a county has a handful), bounded like pool-text's cache. */
function listJsonCache(): (field: string) => string {
  const seen = new Map<string, string>();
  return (field) => {
    let out = seen.get(field);
    if (out === undefined) {
      out = JSON.stringify(items(field));
      if (seen.size < 4096) seen.set(field, out);
    }
    return out;
  };
}
