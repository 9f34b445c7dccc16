import type { EntityManager, Transaction } from "@mikro-orm/core";
import { isSqlite } from "./db.js";

/**
 * Serialises the writers of one named thing (an audit chain, a plan's open draw) for the rest of the
 * caller's transaction. On PostgreSQL a transaction-scoped advisory lock keyed by the name: under READ
 * COMMITTED two transactions that each check "is there one already?" and then insert would otherwise both
 * see none (or the second would count past the first's row) and both win. SQLite has a single writer per
 * database already, so nothing is needed there. Must run inside a transaction.
 */
export async function serialize(em: EntityManager, name: string, ctx: Transaction | undefined = em.getTransactionContext()): Promise<void> {
  if (isSqlite(em)) return;
  if (!ctx) throw new Error(`serialize(${name}) must run inside a transaction`);
  await em.getConnection().execute("select pg_advisory_xact_lock(hashtext(?))", [name], "all", ctx);
}
