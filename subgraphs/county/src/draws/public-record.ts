import type { EntityManager } from "@mikro-orm/core";
import type { CandidateEntry, CeremonyValue, DrawRecord, InspectorEntry } from "@ssj/draw-engine";
import { AppError, ErrorCode } from "@ssj/shared";
import { Plan } from "../plans/plan.entity.js";
import { CeremonyCommitment } from "./ceremony/commitment.entity.js";
import { Draw, DrawRecordRow, DrawStatus } from "./draw.entity.js";
import { drawLabel, loadPools } from "./draw.service.js";
import { doorKnocksOf, type DoorKnocks } from "./door-knocks.js";

export const PUBLIC_RECORD_FORMAT = "ssj-public-draw/1";

/**
 * The downloadable draw record (docs/draw-record.md): the engine's record plus the frozen candidate
 * pool, so anyone can recompute the seed, every ticket and the selection. The inspector and expert
 * pools (declared conflicts are personal data) are added only for auditors.
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
  record: DrawRecord;
  candidates: CandidateEntry[];
  inspectors?: InspectorEntry[];
  experts?: InspectorEntry[];
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
  const row = await em.findOneOrFail(DrawRecordRow, { drawId });
  const pools = await loadPools(em, drawId);
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
    record: JSON.parse(row.record) as DrawRecord,
    candidates: pools.candidates,
    ...(opts.withPeople ? { inspectors: pools.inspectors, experts: pools.experts } : {}),
  };
}
