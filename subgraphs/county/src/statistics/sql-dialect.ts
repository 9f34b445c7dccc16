import type { EntityManager } from "@mikro-orm/core";
import { isSqlite } from "@ssj/shared";

/**
 * The few SQL fragments the assessment figures need that SQLite and PostgreSQL spell differently. Everything
 * else in statistics.queries.ts is plain SQL both understand. Why raw SQL at all: the figures are GROUP BY /
 * COUNT / SUM aggregates over joins, which MikroORM's entity API would only give by loading rows.
 */
export interface SqlDialect {
  /** The Beijing calendar day (YYYY-MM-DD) of a datetime column, to compare with the stored due dates. */
  chinaDay(column: string): string;
  /**
   * A FROM item that expands the inspector ids of one department kept in the JSON column `visit.inspectors`
   * (`{"market": ["market:7", …]}`) into rows with a column `value`; `department` is an SQL expression.
   */
  inspectorsOf(visitAlias: string, department: string): string;
  /** A Date as the database compares it (SQLite keeps datetimes as epoch milliseconds). */
  date(value: Date): unknown;
}

const sqlite: SqlDialect = {
  chinaDay: (c) => `date(${c} / 1000, 'unixepoch', '+8 hours')`,
  inspectorsOf: (v, d) => `json_each(${v}.inspectors, '$."' || ${d} || '"') as j`,
  date: (d) => d.getTime(),
};

const postgresql: SqlDialect = {
  chinaDay: (c) => `to_char(${c} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
  inspectorsOf: (v, d) => `lateral jsonb_array_elements_text(${v}.inspectors -> cast(${d} as text)) as j(value)`,
  date: (d) => d,
};

export function dialectOf(em: EntityManager): SqlDialect {
  return isSqlite(em) ? sqlite : postgresql;
}

/** Runs one aggregate statement through MikroORM's connection (so it is logged and counted like any other). */
export function select<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params as never[], "all");
}

/** SQL integers come back as strings from PostgreSQL's bigint aggregates, as numbers from SQLite. */
export const int = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
