import type { EntityManager } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";

/**
 * Runs an insert with its values sent to the database as bound parameters, inside `tx`'s transaction.
 *
 * Why not `tx.getConnection().execute(sql, params)`: MikroORM formats the parameters into the SQL text before
 * running it (`platform.formatQuery`), so a pool text of tens of megabytes was escaped, quoted and copied into a
 * statement of the same size — on PostgreSQL the county peaked at 1.4 GiB and spent half its freeze there
 * (docs/performance.md, "The draw at county scale", fifth pass). knex's own `raw(sql, bindings)` hands the values to the driver as parameters.
 */
export async function insertBound(tx: EntityManager, sql: string, params: unknown[]): Promise<void> {
  const knex = (tx as unknown as SqlEntityManager).getConnection().getKnex();
  const query = knex.raw(sql, params as never[]);
  const ctx = tx.getTransactionContext();
  if (ctx) query.transacting(ctx);
  await query;
}
