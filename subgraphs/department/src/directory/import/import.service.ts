import type { EntityManager } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import type { SubjectRecordInput } from "@ssj/shared";
import { parseSubjectCsv } from "../csv/parse-subjects.js";
import { RecordChangeAction } from "../enums.js";
import { SupervisionRecordChange } from "../record-change.entity.js";
import { recordColumns, snapshotOf } from "../record.service.js";
import { SupervisionRecord } from "../supervision-record.entity.js";
import { CsvEncoding, ImportMode, type ImportReport } from "./import.types.js";

/** Rows written per statement: large enough to be fast, small enough for SQLite's parameter limit. */
const BATCH = 500;

class RollBack extends Error {}

export function emptyReport(opts: { mode: ImportMode; encoding: CsvEncoding }): ImportReport {
  return { mode: opts.mode, encoding: opts.encoding, rows: 0, created: 0, updated: 0, rejected: 0, committed: false, errors: [] };
}

/**
 * Streams a CSV of supervision records into the directory inside one transaction. Rows are parsed
 * and validated one by one (never the whole file in memory) and written in batches; a subject
 * already in the directory is updated (and restored if it was removed). In ALL_OR_NOTHING mode any
 * bad row rolls the whole transaction back; in GOOD_ROWS mode the good rows are kept. A row is
 * either written whole or not at all.
 */
export async function importSubjects(
  em: EntityManager,
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { mode: ImportMode; encoding: CsvEncoding },
  actor: string,
  /** Filled as the import goes (an idempotency key records it at commit, see import-once.ts). */
  report: ImportReport = emptyReport(opts),
): Promise<ImportReport> {
  const strict = opts.mode === ImportMode.ALL_OR_NOTHING;
  try {
    await em.transactional(async (tx) => {
      let batch: SubjectRecordInput[] = [];
      const flush = async () => {
        if (batch.length) await writeBatch(tx, batch, actor, report);
        batch = [];
      };
      for await (const item of parseSubjectCsv(source, { encoding: opts.encoding, onEncoding: (e) => (report.encoding = e) })) {
        report.rows++;
        if ("error" in item) {
          report.rejected++;
          report.errors.push({ line: item.line, code: item.error.code, reason: item.error.reason, uscc: item.error.uscc ?? null });
          continue;
        }
        if (strict && report.rejected) continue; // nothing will be kept: only keep validating
        batch.push(item.record);
        if (batch.length >= BATCH) await flush();
      }
      if (strict && report.rejected) throw new RollBack();
      await flush();
    });
    report.committed = true;
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
    report.created = 0;
    report.updated = 0;
  }
  return report;
}

/** Record ids by USCC, read as plain rows: no entities are built, so a long import stays flat in memory. */
async function idsOf(tx: EntityManager, usccs: string[]): Promise<Map<string, number>> {
  const rows = (await (tx as unknown as SqlEntityManager)
    .createQueryBuilder(SupervisionRecord)
    .select(["id", "uscc"])
    .where({ uscc: { $in: usccs } })
    .execute("all", false)) as { id: number; uscc: string }[];
  return new Map(rows.map((r) => [r.uscc, Number(r.id)]));
}

async function writeBatch(tx: EntityManager, batch: SubjectRecordInput[], actor: string, report: ImportReport) {
  const idByUscc = await idsOf(
    tx,
    batch.map((r) => r.uscc),
  );
  const now = new Date();
  const fresh = batch.filter((r) => !idByUscc.has(r.uscc));
  const changes: Partial<SupervisionRecordChange>[] = [];
  if (fresh.length) {
    await tx.insertMany(
      SupervisionRecord,
      fresh.map((r) => ({ ...recordColumns(r), createdAt: now, updatedAt: now, removedAt: null })),
    );
    // Drivers differ in what a multi-row insert returns, so the new ids are read back by USCC.
    const newId = await idsOf(
      tx,
      fresh.map((r) => r.uscc),
    );
    for (const r of fresh)
      changes.push({
        recordId: newId.get(r.uscc)!,
        action: RecordChangeAction.IMPORTED,
        snapshot: snapshotOf({ ...r, removedAt: null }),
        actor,
        at: now,
        reason: null,
      });
    report.created += fresh.length;
  }
  for (const r of batch) {
    const id = idByUscc.get(r.uscc);
    if (id === undefined) continue;
    await tx.nativeUpdate(SupervisionRecord, { id }, { ...recordColumns(r), updatedAt: now, removedAt: null });
    changes.push({
      recordId: id,
      action: RecordChangeAction.IMPORTED,
      snapshot: snapshotOf({ ...r, removedAt: null }),
      actor,
      at: now,
      reason: null,
    });
    report.updated++;
  }
  if (changes.length) await tx.insertMany(SupervisionRecordChange, changes);
}
