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

/**
 * Events recorded and not yet published, with their recording order. The entity itself carries the
 * after-commit queue: MikroORM merges a nested transaction's entities into its parent's EntityManager
 * only when the nested one succeeds, so at the outermost commit that EntityManager's identity map holds
 * exactly the events of the committed (nested or not) transactions — a rolled-back savepoint's events
 * never get there.
 */
const unpublished = new WeakMap<CountyEvent, number>();
let recorded = 0;

/**
 * Records an event inside a transaction: the row is written with the transaction, and once the
 * transaction commits the event is published on the event bus (by `EventPublisher`). A rolled-back
 * transaction publishes nothing. Must be called with the `em` of an `em.transactional(...)` callback.
 */
export function recordEvent(tx: EntityManager, event: NewEvent): CountyEvent {
  if (!tx.getTransactionContext())
    throw new Error(
      `recordEvent(${event.topic}/${event.kind}) must be called inside em.transactional(): events are published after the commit`,
    );
  const row = tx.create(CountyEvent, { topic: event.topic, kind: event.kind, key: event.key, data: event.data ?? null });
  unpublished.set(row, recorded++);
  return row;
}

/**
 * The events recorded in the transaction of `em` (the EntityManager a MikroORM transaction event names),
 * in recording order, marked as taken: after a commit they are published, after a rollback forgotten.
 */
export function takePending(em: EntityManager): CountyEvent[] {
  const store = em.getUnitOfWork(false).getIdentityMap().getStore(em.getMetadata(CountyEvent));
  const taken: [number, CountyEvent][] = [];
  for (const row of store.values()) {
    const order = unpublished.get(row);
    if (order === undefined) continue;
    unpublished.delete(row);
    taken.push([order, row]);
  }
  return taken.sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}
