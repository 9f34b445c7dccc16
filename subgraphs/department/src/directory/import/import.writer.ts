import type { EntityManager } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import type { SubjectRecordInput } from "@ssj/shared";
import { RecordChangeAction } from "../enums.js";
import { SupervisionRecordChange } from "../record-change.entity.js";
import { recordColumns, snapshotOf } from "../record.service.js";
import { listKey, SupervisionRecord } from "../supervision-record.entity.js";

/** Rows per statement: large enough to be fast, small enough for SQLite's and PostgreSQL's parameter limits. */
const STATEMENT_ROWS = 500;

/** What the directory holds for a USCC, read as plain columns (no entities: a long import stays flat in memory). */
export interface StoredRow {
  id: number;
  uscc: string;
  name: string;
  category: string;
  address: string;
  legalRepresentative: string;
  region: string;
  supervisionTypesKey: string;
  riskClass: string;
  abnormalList: unknown;
  dishonest: unknown;
  seriousViolation: unknown;
  keySectorsKey: string;
  removedAt: unknown;
}

const STORED_COLUMNS = [
  "id",
  "uscc",
  "name",
  "category",
  "address",
  "legalRepresentative",
  "region",
  "supervisionTypesKey",
  "riskClass",
  "abnormalList",
  "dishonest",
  "seriousViolation",
  "keySectorsKey",
  "removedAt",
] as const;

async function storedRows(tx: EntityManager, usccs: string[]): Promise<Map<string, StoredRow>> {
  const out = new Map<string, StoredRow>();
  for (let i = 0; i < usccs.length; i += STATEMENT_ROWS) {
    const rows = (await (tx as unknown as SqlEntityManager)
      .createQueryBuilder(SupervisionRecord)
      .select([...STORED_COLUMNS])
      .where({ uscc: { $in: usccs.slice(i, i + STATEMENT_ROWS) } })
      .execute("all", true)) as unknown as StoredRow[];
    for (const r of rows) out.set(r.uscc, { ...r, id: Number(r.id) });
  }
  return out;
}

/** SQLite answers 0/1 for booleans, PostgreSQL true/false. */
const truthy = (v: unknown) => v === true || v === 1 || v === "1" || v === "t" || v === "true";

/** Whether the import would leave the record exactly as it is (then nothing is written, no history entry). */
export function sameAsStored(r: SubjectRecordInput, s: StoredRow): boolean {
  return (
    s.removedAt == null &&
    s.name === r.name &&
    s.category === r.category &&
    s.address === r.address &&
    s.legalRepresentative === r.legalRepresentative &&
    s.region === r.region &&
    s.supervisionTypesKey === listKey(r.supervisionTypes) &&
    s.riskClass === r.riskClass &&
    truthy(s.abnormalList) === r.abnormalList &&
    truthy(s.dishonest) === r.dishonest &&
    truthy(s.seriousViolation) === r.seriousViolation &&
    s.keySectorsKey === listKey(r.keySectors)
  );
}

export interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes one chunk of validated rows in the caller's transaction: new subjects in multi-row inserts,
 * changed ones updated (and restored if removed), identical ones left alone; one history entry per
 * row written.
 */
export async function writeChunk(tx: EntityManager, chunk: SubjectRecordInput[], actor: string): Promise<ChunkResult> {
  const result: ChunkResult = { created: 0, updated: 0, unchanged: 0 };
  const stored = await storedRows(
    tx,
    chunk.map((r) => r.uscc),
  );
  const now = new Date();
  const changes: Partial<SupervisionRecordChange>[] = [];
  const history = (recordId: number, r: SubjectRecordInput) =>
    changes.push({
      recordId,
      action: RecordChangeAction.IMPORTED,
      snapshot: snapshotOf({ ...r, removedAt: null }),
      actor,
      at: now,
      reason: null,
    });

  const fresh = chunk.filter((r) => !stored.has(r.uscc));
  for (let i = 0; i < fresh.length; i += STATEMENT_ROWS) {
    await tx.insertMany(
      SupervisionRecord,
      fresh.slice(i, i + STATEMENT_ROWS).map((r) => ({ ...recordColumns(r), createdAt: now, updatedAt: now, removedAt: null })),
    );
  }
  if (fresh.length) {
    // Drivers differ in what a multi-row insert returns, so the new ids are read back by USCC.
    const created = await storedRows(
      tx,
      fresh.map((r) => r.uscc),
    );
    for (const r of fresh) history(created.get(r.uscc)!.id, r);
    result.created = fresh.length;
  }
  for (const r of chunk) {
    const s = stored.get(r.uscc);
    if (!s) continue;
    if (sameAsStored(r, s)) {
      result.unchanged++;
      continue;
    }
    await tx.nativeUpdate(SupervisionRecord, { id: s.id }, { ...recordColumns(r), updatedAt: now, removedAt: null });
    history(s.id, r);
    result.updated++;
  }
  for (let i = 0; i < changes.length; i += STATEMENT_ROWS)
    await tx.insertMany(SupervisionRecordChange, changes.slice(i, i + STATEMENT_ROWS));
  return result;
}
