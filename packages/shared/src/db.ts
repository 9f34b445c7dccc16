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

/** Opens the database, creating it (PostgreSQL) and applying pending migrations. */
export async function openDatabase(opts: DatabaseOptions): Promise<MikroORM> {
  await ensureDatabase(opts);
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

/** Creates the PostgreSQL database named in `url` if it does not exist yet (tables come from migrations). */
export async function ensureDatabase(opts: DatabaseOptions): Promise<void> {
  if (dialectOf(opts.url) !== "postgresql") return;
  const url = new URL(opts.url);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name must be plain letters, digits and _: ${name}`);
  url.pathname = "/postgres";
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } catch (e) {
    if ((e as { code?: string }).code !== "42P04") throw e; // created meanwhile by another process
  } finally {
    await client.end();
  }
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
