import type { EntityManager } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import type { SubjectRecordInput } from "@ssj/shared";
import { RecordChangeAction } from "../enums.js";
import { snapshotOf } from "../record.service.js";
import { listKey } from "../supervision-record.entity.js";
import { booksChanged } from "../../department/books-cache.js";
import { sameAsStored, type ChunkResult, type StoredRow } from "./import.writer.js";

/** The few better-sqlite3 calls used here (the driver's connection object; no type package is installed). */
interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { lastInsertRowid: number | bigint };
}
interface Database {
  prepare(sql: string): Statement;
  transaction<T>(fn: () => T): () => T;
}

/** Whether `em` runs on the embedded SQLite driver (better-sqlite3), where `writeChunkSqlite` applies. */
export function isSqlite(em: EntityManager): boolean {
  return em.getPlatform().constructor.name.includes("Sqlite");
}

const COLUMNS =
  "id, uscc, name, category, address, legal_representative as legalRepresentative, region, supervision_types_key as supervisionTypesKey, " +
  "risk_class as riskClass, abnormal_list as abnormalList, dishonest, serious_violation as seriousViolation, key_sectors_key as keySectorsKey, " +
  "removed_at as removedAt";

/** Rows per multi-row statement: one call into SQLite per 100 rows, 1,700 parameters (SQLite allows 32,766). */
const BATCH = 100;

const INSERT_COLUMNS =
  "uscc, name, category, address, legal_representative, region, supervision_types, supervision_types_key, " +
  "risk_class, abnormal_list, dishonest, serious_violation, key_sectors, key_sectors_key, created_at, updated_at, removed_at";
const placeholders = (n: number, row: string) => Array.from({ length: n }, () => row).join(", ");

/** Statements of `n` rows (the last batch of a chunk is shorter), prepared once per connection and size. */
function batchStatementsOf(db: Database, n: number) {
  return {
    find: db.prepare(`select ${COLUMNS} from supervision_record where uscc in (${placeholders(n, "?")})`),
    // RETURNING names each new row's id by its USCC: no reliance on the order rows come back in
    insert: db.prepare(
      `insert into supervision_record (${INSERT_COLUMNS}) values ${placeholders(n, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)")} returning id, uscc`,
    ),
    history: db.prepare(
      `insert into supervision_record_change (record_id, action, snapshot, reason, actor, at) values ${placeholders(n, "(?, ?, ?, null, ?, ?)")}`,
    ),
  };
}

/** Prepared once per connection: the same statements run for every batch (the ORM prepared a new SQL text for every insert). */
function statementsOf(db: Database) {
  const batches = new Map<number, ReturnType<typeof batchStatementsOf>>();
  return {
    batch(n: number) {
      let b = batches.get(n);
      if (!b) batches.set(n, (b = batchStatementsOf(db, n)));
      return b;
    },
    update: db.prepare(
      "update supervision_record set name = ?, category = ?, address = ?, legal_representative = ?, region = ?, supervision_types = ?, " +
        "supervision_types_key = ?, risk_class = ?, abnormal_list = ?, dishonest = ?, serious_violation = ?, key_sectors = ?, key_sectors_key = ?, " +
        "updated_at = ?, removed_at = null where id = ?",
    ),
  };
}
const statements = new WeakMap<Database, ReturnType<typeof statementsOf>>();

function columns(r: SubjectRecordInput) {
  return [
    r.name,
    r.category,
    r.address,
    r.legalRepresentative,
    r.region,
    JSON.stringify(r.supervisionTypes),
    listKey(r.supervisionTypes),
    r.riskClass,
    r.abnormalList ? 1 : 0,
    r.dishonest ? 1 : 0,
    r.seriousViolation ? 1 : 0,
    JSON.stringify(r.keySectors),
    listKey(r.keySectors),
  ];
}

/**
 * SQLite: the same as `writeChunk` (import.writer.ts), on the driver's own connection with prepared
 * statements, in one better-sqlite3 transaction. The ORM built and prepared a new SQL text for every
 * multi-row insert, which was most of an import's time; better-sqlite3 runs a prepared insert in a
 * few microseconds. Holding the pool's only connection for one chunk keeps other queries out of
 * the transaction; between chunks they run (import.service.ts). Never call it inside an ORM
 * transaction: that transaction holds the only connection, and acquiring it here would wait forever.
 */
export async function writeChunkSqlite(em: EntityManager, chunk: SubjectRecordInput[], actor: string): Promise<ChunkResult> {
  const client = (em as unknown as SqlEntityManager).getConnection().getKnex().client as {
    acquireConnection(): Promise<Database>;
    releaseConnection(db: Database): Promise<void>;
  };
  const db = await client.acquireConnection();
  try {
    let s = statements.get(db);
    if (!s) statements.set(db, (s = statementsOf(db)));
    const st = s;
    return db.transaction(() => {
      const result: ChunkResult = { created: 0, updated: 0, unchanged: 0 };
      const now = Date.now();
      for (let at = 0; at < chunk.length; at += BATCH) {
        const rows = chunk.slice(at, at + BATCH);
        const stored = new Map<string, StoredRow>();
        for (const s of st.batch(rows.length).find.all(...rows.map((r) => r.uscc)) as StoredRow[]) stored.set(s.uscc, s);
        const fresh: SubjectRecordInput[] = [];
        const history: unknown[] = [];
        const written = new Map<string, number>(); // USCC → id of each row written, for its history entry
        for (const r of rows) {
          const s = stored.get(r.uscc);
          if (!s) fresh.push(r);
          else if (sameAsStored(r, s)) result.unchanged++;
          else {
            st.update.run(...columns(r), now, s.id);
            written.set(r.uscc, s.id);
            result.updated++;
          }
        }
        if (fresh.length) {
          const params: unknown[] = [];
          for (const r of fresh) params.push(r.uscc, ...columns(r), now, now);
          for (const row of st.batch(fresh.length).insert.all(...params) as { id: number; uscc: string }[])
            written.set(row.uscc, Number(row.id));
          result.created += fresh.length;
        }
        for (const r of rows) {
          const id = written.get(r.uscc);
          if (id !== undefined) history.push(id, RecordChangeAction.IMPORTED, snapshotOf({ ...r, removedAt: null }), actor, now);
        }
        if (written.size) st.batch(written.size).history.run(...history);
      }
      return result;
    })();
  } finally {
    booksChanged(em); // written past the ORM: its commit hooks did not run (department/books-cache.ts)
    await client.releaseConnection(db);
  }
}
