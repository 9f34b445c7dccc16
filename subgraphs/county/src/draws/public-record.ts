import type { EntityManager } from "@mikro-orm/core";
import type { AuditExport, CeremonyValue, PublicDrawView, PublicStratum } from "@ssj/draw-engine";
import { AppError, ErrorCode, type PublishedKey, type SignedCheckpoint } from "@ssj/shared";
import { checkpointKeys, checkpointsOf } from "../audit/checkpoints.js";
import { Disclosure, Plan } from "../plans/plan.entity.js";
import { CeremonyCommitment } from "./ceremony/commitment.entity.js";
import { Draw, DrawStatus } from "./draw.entity.js";
import { drawChain, drawLabel } from "./draw.service.js";
import { committedViewDigest, isDisclosed } from "./disclosure.js";
import { doorKnocksOf, type DoorKnocks } from "./door-knocks.js";
import { loadPools } from "./pools.js";
import { loadView } from "./public-view.js";
import { loadSalts } from "./salts.js";

export const PUBLIC_RECORD_FORMAT = "ssj-public-draw/2";

/**
 * The downloadable draw record (docs/draw-record.md). Everyone gets the public view — the engine's
 * record with a salted commitment in place of each candidate's stratum (packages/draw-engine/FORMAT.md
 * §10) — unless the plan discloses AFTER_WINDOW and the window is still open: then only the digests,
 * the seed, the counts and the view's SHA-256. Auditors (`?pools=all`) also get `audit`: the full
 * record, the frozen pools (declared conflicts are personal data) and every salt.
 */
export interface PublicDrawFile {
  format: typeof PUBLIC_RECORD_FORMAT;
  draw: {
    id: number;
    plan: { id: number; name: string; departments: string[]; zeroRatioReasons: Record<string, string> };
    sequence: number;
    status: DrawStatus;
    superseded: boolean;
    supersededBy: number | null;
    redrawReason: string | null;
    publishedAt: string | null;
    /** The ceremony values with their provenance (FORMAT.md §2.1); null if entered as plain text. */
    ceremony: CeremonyValue[] | null;
    /** The departments' commitments, revealed at the ceremony (FORMAT.md §2.2). */
    commitments: { department: string; sha256: string; committedAt: string }[];
  };
  /** Door-knocks saved by joint visits (进一次门、查多项事). */
  doorKnocks: DoorKnocks;
  disclosure: { policy: Disclosure; disclosed: boolean; disclosedAt: string | null; viewDigest: string | null };
  /** Always public: pool digests and counts, the seed and its inputs, per-stratum counts (no thresholds). */
  summary: { pools: PublicDrawView["pools"]; seed: PublicDrawView["seed"]; strata: Omit<PublicStratum, "threshold">[] };
  /** The public view; null while an AFTER_WINDOW plan withholds it. */
  view: PublicDrawView | null;
  /** Signed checkpoints of the draw's audit chain and the keys that sign them. */
  chain: { name: string; checkpoints: SignedCheckpoint[]; keys: PublishedKey[] };
  audit?: AuditExport;
}

/** What auditors get besides the view: the full record, the frozen pools and every salt. */
async function auditExport(em: EntityManager, drawId: number, record: AuditExport["record"]): Promise<AuditExport> {
  const { candidates, inspectors, experts } = await loadPools(em, drawId);
  return { record, candidates, inspectors, experts, salts: await loadSalts(em, drawId) };
}

export async function publicDrawFile(
  em: EntityManager,
  drawId: number,
  opts: { withPeople: boolean; unpublished?: boolean },
): Promise<PublicDrawFile> {
  const draw = await em.findOne(Draw, { id: drawId });
  if (!draw) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${drawId} 的摇号任务`, { field: "drawId" });
  const visible = draw.status === DrawStatus.PUBLISHED || (opts.unpublished && draw.status === DrawStatus.DRAWN);
  if (!visible) throw new AppError(ErrorCode.NOT_FOUND, `${drawLabel(draw)}尚未公开`, { drawId });
  const plan = await em.findOneOrFail(Plan, { id: draw.planId });
  const { record, view } = await loadView(em, drawId);
  const disclosed = isDisclosed(plan, draw);
  return {
    format: PUBLIC_RECORD_FORMAT,
    draw: {
      id: draw.id,
      plan: { id: plan.id, name: plan.name, departments: plan.departments, zeroRatioReasons: plan.ratioNotes?.zeroReasons ?? {} },
      sequence: draw.sequence,
      status: draw.status,
      superseded: draw.supersededAt !== null,
      supersededBy: draw.supersededById,
      redrawReason: draw.redrawReason,
      publishedAt: draw.publishedAt?.toISOString() ?? null,
      ceremony: draw.ceremony,
      commitments: (await em.find(CeremonyCommitment, { drawId }, { orderBy: { id: "asc" } })).map((c) => ({
        department: c.department,
        sha256: c.sha256,
        committedAt: c.committedAt.toISOString(),
      })),
    },
    doorKnocks: await doorKnocksOf(em, drawId),
    disclosure: {
      policy: plan.disclosure,
      disclosed,
      disclosedAt: draw.disclosedAt?.toISOString() ?? null,
      viewDigest: await committedViewDigest(em, drawId),
    },
    summary: { pools: view.pools, seed: view.seed, strata: view.strata.map(({ threshold: _t, ...s }) => s) },
    view: disclosed || opts.withPeople ? view : null,
    chain: { name: drawChain(drawId), checkpoints: await checkpointsOf(em, drawChain(drawId)), keys: checkpointKeys(em).trusted },
    ...(opts.withPeople ? { audit: await auditExport(em, drawId, record) } : {}),
  };
}
