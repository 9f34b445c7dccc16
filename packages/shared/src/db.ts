import { MikroORM, type AnyEntity, type EntityClass, type MigrationObject } from "@mikro-orm/core";
import { BetterSqliteDriver } from "@mikro-orm/better-sqlite";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";
import { Migrator } from "@mikro-orm/migrations";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { IdempotencySubscriber } from "./idempotency/once.js";

export type Dialect = "sqlite" | "postgresql";

/**
 * Which database a service uses is configuration alone: a `postgres://` URL means PostgreSQL,
 * anything else is the path of the embedded SQLite file (or `:memory:`).
 */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Whether `em` runs on the embedded SQLite driver (better-sqlite3): one writer, no advisory locks, its own SQL dialect. */
export function isSqlite(em: { getPlatform(): object }): boolean {
  return em.getPlatform().constructor.name.toLowerCase().includes("sqlite");
}

export interface DatabaseOptions {
  url: string;
  entities: EntityClass<AnyEntity>[];
  /** Migrations per dialect, listed statically so the compiled service needs no file globbing. */
  migrations: Record<Dialect, MigrationObject[]>;
  /** Run pending migrations on open (the default). */
  migrate?: boolean;
}

export function ormOptions(opts: DatabaseOptions) {
  const dialect = dialectOf(opts.url);
  const common = {
    entities: opts.entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUndefined: false,
    migrations: { migrationsList: opts.migrations[dialect], transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: false,
  };
  if (dialect === "postgresql") {
    return { ...common, driver: PostgreSqlDriver, clientUrl: opts.url, pool: { min: 0, max: 10 } } as const;
  }
  const file = opts.url.replace(/^sqlite:(\/\/)?/i, "");
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  return { ...common, driver: BetterSqliteDriver, dbName: file } as const;
}

/**
 * Opens the database and applies pending migrations. A PostgreSQL database named in the URL that does not
 * exist yet is created by MikroORM itself on connect (its `ensureDatabase` option, on by default).
 */
export async function openDatabase(opts: DatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(opts) as never);
  // Idempotency keys commit in the transaction of the change they guard (see idempotency/once.ts).
  orm.em.getEventManager().registerSubscriber(new IdempotencySubscriber());
  if (dialectOf(opts.url) === "sqlite") {
    const conn = orm.em.getConnection();
    await conn.execute("pragma journal_mode = WAL");
    await conn.execute("pragma synchronous = NORMAL");
    await conn.execute("pragma foreign_keys = ON");
  }
  if (opts.migrate !== false) await orm.getMigrator().up();
  return orm;
}

/** Counts SQL statements sent by this ORM: used by benchmarks and tests of DataLoader batching. */
export function countQueries(orm: MikroORM): { readonly count: number; reset(): void } {
  let count = 0;
  const knex = (orm.em.getConnection() as unknown as { getKnex(): { on(e: string, f: () => void): void } }).getKnex();
  knex.on("query", () => {
    count++;
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
