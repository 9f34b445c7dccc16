import type { EntityManager } from "@mikro-orm/core";
import { CountyEvent } from "./event.entity.js";

export interface NewEvent {
  /** Bus topic, e.g. `Topic.DEPARTMENT`. */
  topic: string;
  kind: string;
  /** Key of what changed (department code, draw id, …). */
  key: string;
  /** Small facts subscribers filter on (JSON). */
  data?: Record<string, unknown> | null;
}

/** Events recorded in a transaction, waiting for its commit; keyed by the root (outermost) transaction. */
const pending = new WeakMap<object, CountyEvent[]>();

/** The outermost transaction of a (possibly nested, savepoint) MikroORM/knex transaction. */
export function rootTransaction(trx: object): object {
  let t = trx as Record<symbol, unknown>;
  for (;;) {
    const parentKey = Object.getOwnPropertySymbols(t).find((s) => s.description === "parentTransaction");
    const parent = parentKey ? t[parentKey] : undefined;
    if (!parent || (typeof parent !== "object" && typeof parent !== "function")) return t;
    t = parent as Record<symbol, unknown>;
  }
}

/**
 * Records an event inside a transaction: the row is written with the transaction, and once the
 * transaction commits the event is published on the event bus (by `EventPublisher`). A rolled-back
 * transaction publishes nothing. Must be called with the `em` of an `em.transactional(...)` callback.
 */
export function recordEvent(tx: EntityManager, event: NewEvent): CountyEvent {
  const trx = tx.getTransactionContext() as object | undefined;
  if (!trx)
    throw new Error(
      `recordEvent(${event.topic}/${event.kind}) must be called inside em.transactional(): events are published after the commit`,
    );
  const row = tx.create(CountyEvent, { topic: event.topic, kind: event.kind, key: event.key, data: event.data ?? null });
  const root = rootTransaction(trx);
  const list = pending.get(root);
  if (list) list.push(row);
  else pending.set(root, [row]);
  return row;
}

/** The events recorded in a transaction that has just committed (or rolled back), forgetting them. */
export function takePending(transaction: object | undefined): CountyEvent[] {
  if (!transaction) return [];
  const list = pending.get(transaction);
  pending.delete(transaction);
  return list ?? [];
}
