import type { EntityManager } from "@mikro-orm/core";
import type { SubjectRecordInput } from "@ssj/shared";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { pgPool, type PgConnection, type PgPool } from "../../database/pg-connection.js";
import { booksChanged } from "../../department/books-cache.js";
import { RecordChangeAction } from "../enums.js";
import { snapshotOf } from "../record.service.js";
import { listKey } from "../supervision-record.entity.js";
import { SAME_AS_STORED, SET_FROM_STAGE, STAGE_COLUMNS, type ChunkResult, type ImportStage } from "./import.stage.js";

const TABLE = "import_stage";
const TYPES: Record<(typeof STAGE_COLUMNS)[number], string> = {
  uscc: "text",
  name: "text",
  category: "text",
  address: "text",
  legal_representative: "text",
  region: "text",
  supervision_types: "jsonb",
  supervision_types_key: "text",
  risk_class: "text",
  abnormal_list: "boolean",
  dishonest: "boolean",
  serious_violation: "boolean",
  key_sectors: "jsonb",
  key_sectors_key: "text",
};

/** A value in COPY's text format: backslash, tab and line breaks escaped (nothing here is null). */
const text = (v: string) => (/[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : v);
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const bool = (b: boolean) => (b ? "t" : "f");

function lineOf(seq: number, r: SubjectRecordInput): string {
  const supervisionTypes = JSON.stringify(r.supervisionTypes);
  const keySectors = JSON.stringify(r.keySectors);
  return (
    [
      String(seq),
      text(r.uscc),
      text(r.name),
      text(r.category),
      text(r.address),
      text(r.legalRepresentative),
      text(r.region),
      text(supervisionTypes),
      text(listKey(r.supervisionTypes)),
      r.riskClass,
      bool(r.abnormalList),
      bool(r.dishonest),
      bool(r.seriousViolation),
      text(keySectors),
      text(listKey(r.keySectors)),
      text(snapshotOf({ ...r, removedAt: null }, supervisionTypes, keySectors)),
    ].join("\t") + "\n"
  );
}

/**
 * PostgreSQL: the whole import is one transaction on one connection of the pool. The checked rows are
 * streamed with `COPY … FROM STDIN` into a temporary table (dropped at commit) as the file is read; then
 * set-based statements link them to the stored records by USCC, insert the new, update the changed and
 * add one history entry per row written, in the file's order, and the transaction commits. A refused
 * file (ALL_OR_NOTHING with a bad row, a broken file) rolls it back: nothing was ever visible. Readers
 * are not held up meanwhile (PostgreSQL's snapshots), so the write is not cut into chunks as on SQLite.
 */
export class PostgresStage implements ImportStage {
  private readonly client: PgPool;
  private conn?: PgConnection;
  private copy?: Writable;
  private copyFailed?: unknown;
  private committed = false;
  count = 0;

  constructor(private readonly em: EntityManager) {
    this.client = pgPool(em);
  }

  private async open(): Promise<Writable> {
    if (this.copy) return this.copy;
    const conn = await this.client.acquireConnection();
    this.conn = conn;
    await conn.query("begin");
    await conn.query(
      `create temp table ${TABLE} (seq integer primary key, ${STAGE_COLUMNS.map((c) => `${c} ${TYPES[c]} not null`).join(", ")}, ` +
        "snapshot text not null, record_id integer, same boolean) on commit drop",
    );
    const copy = conn.query(copyFrom(`copy ${TABLE} (seq, ${STAGE_COLUMNS.join(", ")}, snapshot) from stdin`));
    copy.on("error", (e: unknown) => (this.copyFailed ??= e));
    this.copy = copy;
    return copy;
  }

  async add(records: SubjectRecordInput[]): Promise<void> {
    if (!records.length) return;
    const copy = await this.open();
    if (this.copyFailed) throw this.copyFailed;
    let lines = "";
    for (const r of records) lines += lineOf(++this.count, r);
    if (!copy.write(lines)) await Promise.race([once(copy, "drain"), once(copy, "error")]);
  }

  /** Ends the COPY and writes every staged row; commits. */
  async write(actor: string): Promise<ChunkResult> {
    const copy = await this.open();
    copy.end();
    await finished(copy);
    const conn = this.conn!;
    const now = new Date();
    await conn.query(`analyze ${TABLE}`);
    await conn.query(`update ${TABLE} s set record_id = r.id, same = (${SAME_AS_STORED}) from supervision_record r where r.uscc = s.uscc`);
    await conn.query(
      `insert into supervision_record (${STAGE_COLUMNS.join(", ")}, created_at, updated_at, removed_at) ` +
        `select ${STAGE_COLUMNS.map((c) => `s.${c}`).join(", ")}, $1, $1, null from ${TABLE} s where s.record_id is null order by s.seq`,
      [now],
    );
    await conn.query(`update ${TABLE} s set record_id = r.id from supervision_record r where r.uscc = s.uscc and s.record_id is null`);
    await conn.query(
      `update supervision_record r set ${SET_FROM_STAGE}, updated_at = $1, removed_at = null from ${TABLE} s where s.record_id = r.id and s.same = false`,
      [now],
    );
    await conn.query(
      "insert into supervision_record_change (record_id, action, snapshot, reason, actor, at) " +
        `select s.record_id, $1, s.snapshot, null, $2, $3 from ${TABLE} s where s.same is not true order by s.seq`,
      [RecordChangeAction.IMPORTED, actor, now],
    );
    const { rows } = await conn.query(
      `select count(*) filter (where s.same is null) as created, count(*) filter (where s.same = false) as updated, ` +
        `count(*) filter (where s.same) as unchanged from ${TABLE} s`,
    );
    await conn.query("commit");
    this.committed = true;
    booksChanged(this.em); // written past the ORM: its commit hooks did not run (department/books-cache.ts)
    const row = rows[0]!;
    return { created: Number(row.created), updated: Number(row.updated), unchanged: Number(row.unchanged) };
  }

  /** Rolls back what was not committed and gives the connection back. */
  async dispose(): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    this.conn = undefined;
    try {
      if (!this.committed) {
        if (this.copy && !this.copy.writableFinished && !this.copyFailed) {
          // a COPY in progress is ended before the rollback: the connection accepts no other query during it
          this.copy.end();
          await finished(this.copy).catch(() => undefined);
        }
        await conn.query("rollback");
      }
    } finally {
      await this.client.releaseConnection(conn);
    }
  }
}
