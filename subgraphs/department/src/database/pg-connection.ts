import type { EntityManager } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import type { Readable, Writable } from "node:stream";

/**
 * The driver's connection (node-postgres `Client`) as knex's pool lends it, for what MikroORM does not offer:
 * `COPY … FROM STDIN` (the directory import's staging, directory/import/import.stage.postgres.ts) and
 * `COPY … TO STDOUT` (the candidate pools, pool/candidate-copy.ts), both through pg-copy-streams.
 */
export interface PgConnection {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  query<T extends Writable | Readable>(stream: T): T;
  /** Closes the connection; knex's pool then discards it instead of lending it again. */
  end(): Promise<void>;
}

/** knex's pool of driver connections. */
export interface PgPool {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(conn: PgConnection): Promise<void>;
}

export const pgPool = (em: EntityManager): PgPool => (em as unknown as SqlEntityManager).getConnection().getKnex().client as PgPool;
