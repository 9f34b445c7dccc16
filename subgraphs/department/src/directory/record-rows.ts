import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { RECORD_FIELDS } from "@ssj/shared";
import { SupervisionRecord } from "./supervision-record.entity.js";

/**
 * A supervision record as a plain object: the properties the GraphQL type exposes (and `id`, which
 * `history` needs), without the LIKE helper columns. The field resolvers read these properties only,
 * so the access rules (masking, `guardBooks`) apply to a row exactly as to an entity. A row read for
 * one query carries the properties that query selects (`selectedRecordColumns`), and its key.
 */
export type SupervisionRecordRow = Omit<SupervisionRecord, "supervisionTypesKey" | "keySectorsKey">;

/** The record's fields (one list for rules, import and history: RECORD_FIELDS) with its id and timestamps. */
export const RECORD_COLUMNS = [
  "id",
  ...RECORD_FIELDS,
  "createdAt",
  "updatedAt",
  "removedAt",
] as const satisfies readonly (keyof SupervisionRecordRow)[];
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** SQLite hands JSON columns back as text, PostgreSQL as parsed values. */
function jsonList<T>(value: unknown): T[] {
  return (typeof value === "string" ? JSON.parse(value) : value) as T[];
}

function withLists(row: SupervisionRecordRow): SupervisionRecordRow {
  if (row.supervisionTypes !== undefined) row.supervisionTypes = jsonList(row.supervisionTypes);
  if (row.keySectors !== undefined) row.keySectors = jsonList(row.keySectors);
  return row;
}

/** `columns` and the ones the caller needs itself, in the table's order. */
function withColumns(columns: readonly RecordColumn[], needed: readonly RecordColumn[]): RecordColumn[] {
  return RECORD_COLUMNS.filter((c) => columns.includes(c) || needed.includes(c));
}

/**
 * The records (not removed) of these USCCs as plain rows, in one statement. An entity fetch of
 * `Subject.records` asks for up to 1,000 subjects at once, and reads nothing it would write back:
 * managed entities (identity map, change-set snapshots, `EntityFactory.create` per row) were most of a
 * department's CPU for that query (docs/performance.md, "Gateway figures, 2026-12-01").
 *
 * The statement is built with the ORM's knex and bound parameters: MikroORM's query builder ran its
 * criteria processing over each of the 1,000 values and wrote them into the SQL text, so SQLite
 * compiled a new statement every time. The rows are still mapped by the ORM's own result mapping
 * (column names, booleans and dates per dialect), as its query builder does.
 *
 * Removed records are left out here, not in SQL: with `removed_at is null` in the statement, SQLite's
 * planner chose the `removed_at` index and read every current record of the directory to find the
 * 1,000 asked for; on `uscc` alone it looks up each one in the unique index. A USCC has at most one row,
 * so no more rows are read than USCCs asked.
 */
export async function findRecordRows(
  em: EntityManager,
  usccs: readonly string[],
  columns: readonly RecordColumn[] = RECORD_COLUMNS,
): Promise<SupervisionRecordRow[]> {
  const meta = em.getMetadata().get<SupervisionRecord>(SupervisionRecord.name);
  const column = (property: RecordColumn) => meta.properties[property].fieldNames[0]!;
  const query = (em as SqlEntityManager)
    .getKnex("read")
    .select(withColumns(columns, ["uscc", "removedAt"]).map(column))
    .from(meta.tableName)
    .whereIn(column("uscc"), [...usccs]);
  const transaction = em.getTransactionContext();
  if (transaction) void query.transacting(transaction);
  const driver = em.getDriver();
  const rows = (await query) as Record<string, unknown>[];
  const records: SupervisionRecordRow[] = [];
  for (const raw of rows) {
    const row = driver.mapResult(raw as never, meta) as SupervisionRecordRow;
    if (row.removedAt === null) records.push(withLists(row));
  }
  return records;
}

/**
 * One page of the directory (`Department.subjects`) as plain rows, ordered by id, after `afterKey`:
 * the listing reads as `findRecordRows` does (only the selected columns, no managed entities).
 */
export async function listRecordRows(
  em: EntityManager,
  where: FilterQuery<SupervisionRecord>,
  afterKey: number | null,
  limit: number,
  columns: readonly RecordColumn[] = RECORD_COLUMNS,
): Promise<SupervisionRecordRow[]> {
  const rows: SupervisionRecordRow[] = await (em as SqlEntityManager)
    .createQueryBuilder(SupervisionRecord)
    .select(withColumns(columns, ["id"]))
    .where((afterKey === null ? where : { $and: [where, { id: { $gt: afterKey } }] }) as never)
    .orderBy({ id: "asc" })
    .limit(limit)
    .execute("all", true);
  return rows.map(withLists);
}
