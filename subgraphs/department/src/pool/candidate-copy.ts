import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { to as copyTo } from "pg-copy-streams";
import { pgPool } from "../database/pg-connection.js";
import type { SupervisionRecord } from "../directory/supervision-record.entity.js";
import { flagSql, poolQuery } from "./candidate-pages.js";

/**
 * The `COPY … TO STDOUT` statement of a candidate pool on PostgreSQL: the rows of `poolQuery` in id order, one
 * TAB-separated line each in the pool's TSV field order (packages/shared/src/pool-tsv.ts).
 *
 * COPY's text format is the pool's TSV format: PostgreSQL writes a TAB, LF, CR or backslash inside a value as `\t`,
 * `\n`, `\r`, `\\`, as `candidateTsvLine` does; it also writes a backspace, form feed and vertical tab as `\b`,
 * `\f`, `\v`, which the county's reader accepts as well (the decoded fields, hence the record, are the same). An
 * absent name is an empty field (`coalesce`: COPY would write `\N`). The lists are jsonb, whose text separates the
 * elements with `", "` where `JSON.stringify` writes `","`; inside a string every `"` is escaped (`\"`), so `", "`
 * occurs only between two elements, and the escapes inside the strings are `JSON.stringify`'s.
 *
 * COPY takes no bound parameters, so the filter's values are inlined by knex's PostgreSQL quoting (`toQuery`: quotes
 * doubled, a backslash written `E'\\'`); they are the regions, categories and supervision types of a draw's plan,
 * asked by the county service or an auditor.
 */
export function candidateCopySql(em: SqlEntityManager, where: FilterQuery<SupervisionRecord>): string {
  const knex = em.getConnection().getKnex();
  const list = (c: string) => `replace(t.${c}::text, '", "', '","')`;
  const columns = [
    "t.uscc",
    "coalesce(t.name, '')",
    "t.region",
    "t.category",
    list("supervision_types"),
    "t.risk_class",
    flagSql("t", "abnormal_list"),
    flagSql("t", "dishonest"),
    flagSql("t", "serious_violation"),
    list("key_sectors"),
  ];
  const select = knex
    .select(knex.raw(columns.join(", ")))
    .from(poolQuery(em, where).getKnexQuery().as("t"))
    .orderBy("t.id");
  return `copy (${select.toQuery()}) to stdout`;
}

/**
 * Streams a candidate pool from PostgreSQL to `out` (the HTTP response) by one COPY, ending `out`.
 *
 * Why: the pages built in JavaScript cost a department ≈ 1.4 s of CPU per 200,000 rows, and in a joint freeze five
 * departments and the county share two cores — the freeze on PostgreSQL took 21 s against 11 s on SQLite, whose
 * departments build their pages in SQL (candidate-pages.ts). With COPY, PostgreSQL writes the lines in its own
 * output routine and the department only passes 64 KiB chunks on, with the response's back-pressure
 * (docs/performance.md). One statement also reads the whole pool in one snapshot.
 *
 * If the COPY fails or the county goes away before its end, the connection is closed (a COPY in progress cannot be
 * left midway on a connection that goes back to the pool) and the error is thrown.
 */
export async function copyCandidateTsv(em: SqlEntityManager, where: FilterQuery<SupervisionRecord>, out: Writable): Promise<void> {
  const sql = candidateCopySql(em, where);
  const pool = pgPool(em);
  const conn = await pool.acquireConnection();
  try {
    await pipeline(conn.query(copyTo(sql)), out);
  } catch (e) {
    await conn.end().catch(() => undefined);
    throw e;
  } finally {
    await pool.releaseConnection(conn);
  }
}
