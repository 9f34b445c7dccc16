import type { EntityManager } from "@mikro-orm/core";
import { insertBound, isSqlite } from "@ssj/shared";
import { createHash } from "node:crypto";
import { DrawPool } from "./draw.entity.js";
import { turn } from "./turn.js";

/** What a draw stores at its freeze (DrawPool.kind). */
export type PoolKind = DrawPool["kind"];

/**
 * Writes one stored text of a draw, a row per chunk (seq 0, 1, …), inside `tx`'s transaction; returns the
 * SHA-256 hex of the whole text's UTF-8 when `hash`. Why chunks: the texts of a county draw run to tens of
 * megabytes; written whole, each was built twice (its pieces, then their join), copied to UTF-8 once to be hashed
 * and once more by the driver, and the collector spent half the freeze on that garbage (docs/performance.md,
 * "Seventh pass"). Here each chunk is hashed and written as it comes and is garbage soon after.
 * Bound parameters (insertBound): a chunk is megabytes, which must not be formatted into the SQL.
 *
 * On PostgreSQL the next chunk is built and hashed while the server stores the last one (one insert on its way at
 * a time: a connection runs one query at once), on the other core, where the county used to wait for it after every
 * chunk (docs/performance.md, "Ninth pass"); a failed insert fails the write once the chunk being built is done, so
 * that the caller's rollback does not race an insert. SQLite writes in the county's own thread: nothing to overlap,
 * so each chunk is written before the next is built, as before.
 *
 * After each chunk the event loop takes a turn (turn.ts): building a county draw's texts takes seconds.
 */
export async function writePoolText(
  tx: EntityManager,
  drawId: number,
  kind: PoolKind,
  chunks: Iterable<string>,
  hash = false,
): Promise<string | undefined> {
  const h = hash ? createHash("sha256") : undefined;
  const overlap = !isSqlite(tx);
  let sent: Promise<void> | undefined;
  let seq = 0;
  try {
    for (const chunk of chunks) {
      h?.update(chunk, "utf8");
      await sent;
      sent = insertBound(tx, "insert into draw_pool (draw_id, kind, seq, entries) values (?, ?, ?, ?)", [drawId, kind, seq++, chunk]);
      if (!overlap) await sent;
      // else awaited with the next chunk or below: not an unhandled rejection while that chunk is built
      sent.catch(() => undefined);
      await turn();
    }
    await sent;
  } catch (e) {
    await sent?.catch(() => undefined);
    throw e;
  }
  return h?.digest("hex");
}

/** The stored texts of `kinds` as their chunks, in order; a kind the draw did not store is absent from the map. */
export async function readPoolChunks(em: EntityManager, drawId: number, kinds: readonly PoolKind[]): Promise<Map<PoolKind, string[]>> {
  const rows = await em.find(
    DrawPool,
    { drawId, kind: { $in: [...kinds] } },
    { orderBy: { kind: "asc", seq: "asc" }, disableIdentityMap: true, fields: ["kind", "seq", "entries"] },
  );
  const chunks = new Map<PoolKind, string[]>();
  for (const r of rows) {
    const list = chunks.get(r.kind) ?? [];
    list.push(r.entries);
    chunks.set(r.kind, list);
  }
  return chunks;
}

/** The chunks of one stored text of a draw, in order, or null when the draw has none of that kind (older draws lack some). */
export async function readPoolTextChunks(em: EntityManager, drawId: number, kind: PoolKind): Promise<string[] | null> {
  return (await readPoolChunks(em, drawId, [kind])).get(kind) ?? null;
}
