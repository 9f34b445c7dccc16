import type { EntityManager } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import type { SubjectRecordInput } from "@ssj/shared";
import { RecordChangeAction } from "../enums.js";
import { snapshotOf } from "../record.service.js";
import { listKey } from "../supervision-record.entity.js";
import { sameAsStored, type ChunkResult, type StoredRow } from "./import.writer.js";

/** PostgreSQL folds unquoted aliases to lower case: the camel-case names StoredRow expects are quoted. */
const STORED =
  'id, uscc, name, category, address, legal_representative as "legalRepresentative", region, supervision_types_key as "supervisionTypesKey", ' +
  'risk_class as "riskClass", abnormal_list as "abnormalList", dishonest, serious_violation as "seriousViolation", ' +
  'key_sectors_key as "keySectorsKey", removed_at as "removedAt"';

/** The rows of a chunk as one JSON parameter, read back as a table by `jsonb_to_recordset`. */
const RECORDSET =
  "jsonb_to_recordset(?::jsonb) as x(id int, uscc text, name text, category text, address text, legal_representative text, region text, " +
  "supervision_types jsonb, supervision_types_key text, risk_class text, abnormal_list boolean, dishonest boolean, serious_violation boolean, " +
  "key_sectors jsonb, key_sectors_key text)";

const asRow = (r: SubjectRecordInput, id?: number) => ({
  id,
  uscc: r.uscc,
  name: r.name,
  category: r.category,
  address: r.address,
  legal_representative: r.legalRepresentative,
  region: r.region,
  supervision_types: r.supervisionTypes,
  supervision_types_key: listKey(r.supervisionTypes),
  risk_class: r.riskClass,
  abnormal_list: r.abnormalList,
  dishonest: r.dishonest,
  serious_violation: r.seriousViolation,
  key_sectors: r.keySectors,
  key_sectors_key: listKey(r.keySectors),
});

/**
 * PostgreSQL: the same as `writeChunk` (import.writer.ts) in four statements per chunk, whatever its size:
 * the stored rows by `uscc = any(…)`, the new ones inserted and the changed ones updated from the chunk sent
 * as one JSON parameter (`jsonb_to_recordset`), and their history entries likewise. The ORM's multi-row
 * statements formatted every value into a new SQL text, 500 rows at a time (docs/performance.md).
 * Runs in the caller's transaction.
 */
export async function writeChunkPostgres(tx: EntityManager, chunk: SubjectRecordInput[], actor: string): Promise<ChunkResult> {
  const em = tx as unknown as SqlEntityManager;
  const result: ChunkResult = { created: 0, updated: 0, unchanged: 0 };
  const now = new Date();
  const stored = new Map<string, StoredRow>();
  const found = await em.execute<StoredRow[]>(
    `select ${STORED} from supervision_record where uscc in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(chunk.map((r) => r.uscc))],
  );
  for (const s of found) stored.set(s.uscc, { ...s, id: Number(s.id) });
  const fresh: SubjectRecordInput[] = [];
  const changed: { r: SubjectRecordInput; id: number }[] = [];
  for (const r of chunk) {
    const s = stored.get(r.uscc);
    if (!s) fresh.push(r);
    else if (sameAsStored(r, s)) result.unchanged++;
    else changed.push({ r, id: s.id });
  }
  const written = new Map<string, number>(); // USCC → id of each row written, for its history entry
  if (fresh.length) {
    const ids = await em.execute<{ id: number; uscc: string }[]>(
      "insert into supervision_record (uscc, name, category, address, legal_representative, region, supervision_types, supervision_types_key, " +
        "risk_class, abnormal_list, dishonest, serious_violation, key_sectors, key_sectors_key, created_at, updated_at, removed_at) " +
        "select x.uscc, x.name, x.category, x.address, x.legal_representative, x.region, x.supervision_types, x.supervision_types_key, " +
        `x.risk_class, x.abnormal_list, x.dishonest, x.serious_violation, x.key_sectors, x.key_sectors_key, ?, ?, null from ${RECORDSET} ` +
        "returning id, uscc",
      [now, now, JSON.stringify(fresh.map((r) => asRow(r)))],
    );
    for (const row of ids) written.set(row.uscc, Number(row.id));
    result.created = fresh.length;
  }
  if (changed.length) {
    await em.execute(
      "update supervision_record r set name = x.name, category = x.category, address = x.address, legal_representative = x.legal_representative, " +
        "region = x.region, supervision_types = x.supervision_types, supervision_types_key = x.supervision_types_key, risk_class = x.risk_class, " +
        "abnormal_list = x.abnormal_list, dishonest = x.dishonest, serious_violation = x.serious_violation, key_sectors = x.key_sectors, " +
        `key_sectors_key = x.key_sectors_key, updated_at = ?, removed_at = null from ${RECORDSET} where r.id = x.id`,
      [now, JSON.stringify(changed.map(({ r, id }) => asRow(r, id)))],
      "run",
    );
    for (const { r, id } of changed) written.set(r.uscc, id);
    result.updated = changed.length;
  }
  if (written.size) {
    const history = chunk
      .filter((r) => written.has(r.uscc))
      .map((r) => ({ record_id: written.get(r.uscc), snapshot: snapshotOf({ ...r, removedAt: null }) }));
    await em.execute(
      "insert into supervision_record_change (record_id, action, snapshot, reason, actor, at) " +
        "select x.record_id, ?, x.snapshot, null, ?, ? from jsonb_to_recordset(?::jsonb) as x(record_id int, snapshot text)",
      [RecordChangeAction.IMPORTED, actor, now, JSON.stringify(history)],
      "run",
    );
  }
  return result;
}
