import type { EntityManager } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { RECORD_FIELDS } from "@ssj/shared";
import { SupervisionRecord } from "./supervision-record.entity.js";

/**
 * A supervision record as a plain object: the properties the GraphQL type exposes (and `id`, which
 * `history` needs), without the LIKE helper columns. The field resolvers read these properties only,
 * so the access rules (masking, `guardBooks`) apply to a row exactly as to an entity.
 */
export type SupervisionRecordRow = Omit<SupervisionRecord, "supervisionTypesKey" | "keySectorsKey">;

/** The record's fields (one list for rules, import and history: RECORD_FIELDS) with its id and timestamps. */
const columns = ["id", ...RECORD_FIELDS, "createdAt", "updatedAt", "removedAt"] as const satisfies readonly (keyof SupervisionRecordRow)[];

/** SQLite hands JSON columns back as text, PostgreSQL as parsed values. */
function jsonList<T>(value: unknown): T[] {
  return (typeof value === "string" ? JSON.parse(value) : value) as T[];
}

/**
 * The records (not removed) of these USCCs as plain rows, in one statement. An entity fetch of
 * `Subject.records` asks for up to 1,000 subjects at once, and reads nothing it would write back:
 * managed entities (identity map, change-set snapshots, `EntityFactory.create` per row) were most of a
 * department's CPU for that query (docs/performance.md, "Gateway figures, 2026-12-01"). The query
 * builder's result mapping still converts column names, booleans and dates per dialect.
 */
export async function findRecordRows(em: EntityManager, usccs: readonly string[]): Promise<SupervisionRecordRow[]> {
  const rows = await (em as SqlEntityManager)
    .createQueryBuilder(SupervisionRecord)
    .select([...columns])
    .where({ uscc: { $in: [...usccs] }, removedAt: null })
    .execute("all", true);
  return rows.map((row) => ({ ...row, supervisionTypes: jsonList(row.supervisionTypes), keySectors: jsonList(row.keySectors) }));
}
