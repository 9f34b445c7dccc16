import type { EntityManager } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import { AppError, ErrorCode, type SubjectRecordInput } from "@ssj/shared";
import { booksChanged } from "../../department/books-cache.js";
import { RecordChangeAction } from "../enums.js";
import { listKey } from "../supervision-record.entity.js";
import { snapshotSql } from "./snapshot.sqlite.js";
import { SAME_AS_STORED, SET_FROM_STAGE, STAGE_COLUMNS, type ChunkResult, type ImportStage } from "./import.stage.js";

/** The few better-sqlite3 calls used here (the driver's connection object; no type package is installed). */
interface Statement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
}
interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  transaction<T>(fn: () => T): () => T;
}
interface Client {
  acquireConnection(): Promise<Database>;
  releaseConnection(db: Database): Promise<void>;
}

/** Rows per multi-row insert into the stage: one call into SQLite per 200 rows, 3,000 parameters (SQLite allows 32,766). */
const BATCH = 200;

const COLUMNS = STAGE_COLUMNS;
const RECORD_COLUMNS = COLUMNS.join(", ");

/**
 * Puts the staged columns of `r` into `params` at `at` (the order of STAGE_COLUMNS), for one multi-row insert
 * bound from one array: no array per row, no spread of thousands of arguments.
 */
function putRow(params: unknown[], at: number, r: SubjectRecordInput): void {
  params[at] = r.uscc;
  params[at + 1] = r.name;
  params[at + 2] = r.category;
  params[at + 3] = r.address;
  params[at + 4] = r.legalRepresentative;
  params[at + 5] = r.region;
  params[at + 6] = JSON.stringify(r.supervisionTypes);
  params[at + 7] = listKey(r.supervisionTypes);
  params[at + 8] = r.riskClass;
  params[at + 9] = r.abnormalList ? 1 : 0;
  params[at + 10] = r.dishonest ? 1 : 0;
  params[at + 11] = r.seriousViolation ? 1 : 0;
  params[at + 12] = JSON.stringify(r.keySectors);
  params[at + 13] = listKey(r.keySectors);
}

let stages = 0;

/**
 * SQLite: the checked rows of an import are staged in a temporary table of the import's connection
 * as the file is read (a temporary table takes no lock on the directory: reads go on), then written
 * chunk by chunk with set-based statements, each chunk one transaction: link the staged rows to the
 * stored ones by USCC and mark the identical, insert the new ones, update the changed ones, and add
 * one history entry per row written, in the file's order. Per-row work in JavaScript was most of an
 * import's time (docs/performance.md); SQLite does the join itself.
 *
 * The department's SQLite pool has one connection, so the temporary table is always on hand; should
 * the pool ever give another, the import stops with an error rather than write from a wrong stage.
 */
export class SqliteStage implements ImportStage {
  private readonly table = `import_stage_${process.pid}_${++stages}`;
  private readonly client: Client;
  private db?: Database;
  private insert = new Map<number, Statement>();
  count = 0;

  constructor(private readonly em: EntityManager) {
    this.client = (em as unknown as SqlEntityManager).getConnection().getKnex().client as Client;
  }

  /** Runs `fn` on the connection that holds the stage. */
  private async on<T>(fn: (db: Database) => T): Promise<T> {
    const db = await this.client.acquireConnection();
    try {
      if (!this.db) {
        db.exec(
          `create temp table ${this.table} (seq integer primary key, ${COLUMNS.map((c) => `${c} not null`).join(", ")}); ` +
            `create temp table ${this.table}_link (seq integer primary key, record_id integer not null, same integer)`,
        );
        this.db = db;
      } else if (db !== this.db) {
        throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "导入暂存表所在的数据库连接已变更，导入未完成，请重新导入");
      }
      return fn(db);
    } finally {
      await this.client.releaseConnection(db);
    }
  }

  private insertOf(db: Database, n: number): Statement {
    let s = this.insert.get(n);
    if (!s) {
      const row = `(${Array.from({ length: COLUMNS.length }, () => "?").join(", ")})`;
      s = db.prepare(`insert into temp.${this.table} (${RECORD_COLUMNS}) values ${Array.from({ length: n }, () => row).join(", ")}`);
      this.insert.set(n, s);
    }
    return s;
  }

  /** Stages checked rows, in file order. */
  async add(records: SubjectRecordInput[]): Promise<void> {
    if (!records.length) return;
    await this.on((db) => {
      for (let at = 0; at < records.length; at += BATCH) {
        const n = Math.min(BATCH, records.length - at);
        const params: unknown[] = new Array(n * COLUMNS.length);
        for (let i = 0; i < n; i++) putRow(params, i * COLUMNS.length, records[at + i]!);
        this.insertOf(db, n).run(params);
      }
    });
    this.count += records.length;
  }

  /**
   * Writes staged rows `from`..`to` (seq, 1-based, inclusive) in one transaction. Which stored record
   * each staged row went to, and whether it was identical, goes into a narrow link table: updating the
   * wide staged rows themselves rewrote each of them (a third of the write's time, docs/performance.md).
   * The new records are not linked: inserted in file order into a table with AUTOINCREMENT ids, they get
   * consecutive ids (the first one is checked), so the history numbers them instead of looking each one up
   * again by USCC.
   */
  async write(from: number, to: number, actor: string): Promise<ChunkResult> {
    try {
      return await this.on((db) =>
        db.transaction(() => {
          const t = `temp.${this.table}`;
          const l = `temp.${this.table}_link`;
          const unlinked = `not exists (select 1 from ${l} l where l.seq = s.seq)`;
          const now = Date.now();
          // the stored records of the chunk, and which are identical (same = 1)
          db.prepare(
            `insert into ${l} (seq, record_id, same) select s.seq, r.id, (${SAME_AS_STORED}) from ${t} s join supervision_record r on r.uscc = s.uscc ` +
              "where s.seq between ? and ?",
          ).run(from, to);
          const inserted = db
            .prepare(
              `insert into supervision_record (${RECORD_COLUMNS}, created_at, updated_at, removed_at) ` +
                `select ${COLUMNS.map((c) => `s.${c}`).join(", ")}, ?, ?, null from ${t} s where s.seq between ? and ? and ${unlinked} order by s.seq`,
            )
            .run(now, now, from, to);
          const created = inserted.changes;
          const firstId = Number(inserted.lastInsertRowid) - created + 1;
          if (created) {
            const first = db
              .prepare(
                `select (select uscc from supervision_record where id = ?) = (select s.uscc from ${t} s where s.seq between ? and ? and ${unlinked} order by s.seq limit 1) as ok`,
              )
              .get(firstId, from, to) as { ok: number | null };
            if (first.ok !== 1) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "导入新增主体的编号不连续，导入未完成，请重新导入");
          }
          db.prepare(
            `update supervision_record as r set ${SET_FROM_STAGE}, updated_at = ?, removed_at = null ` +
              `from ${l} l join ${t} s on s.seq = l.seq where l.record_id = r.id and l.seq between ? and ? and l.same = 0`,
          ).run(now, from, to);
          // one entry per row written, in file order: a changed row's record from the link, a new row's by its rank among the new
          db.prepare(
            "insert into supervision_record_change (record_id, action, snapshot, reason, actor, at) " +
              `select coalesce(l.record_id, ? - 1 + row_number() over (partition by l.seq is null order by s.seq)), ?, ${snapshotSql("s")}, null, ?, ? ` +
              `from ${t} s left join ${l} l on l.seq = s.seq where s.seq between ? and ? and (l.seq is null or l.same = 0) order by s.seq`,
          ).run(firstId, RecordChangeAction.IMPORTED, actor, now, from, to);
          const counts = db
            .prepare(`select sum(l.same = 0) as updated, sum(l.same = 1) as unchanged from ${l} l where l.seq between ? and ?`)
            .get(from, to) as Record<"updated" | "unchanged", number | null>;
          return { created, updated: counts.updated ?? 0, unchanged: counts.unchanged ?? 0 };
        })(),
      );
    } finally {
      booksChanged(this.em); // written past the ORM: its commit hooks did not run (department/books-cache.ts)
    }
  }

  async dispose(): Promise<void> {
    if (!this.db) return;
    await this.on((db) => db.exec(`drop table if exists temp.${this.table}; drop table if exists temp.${this.table}_link`));
  }
}
