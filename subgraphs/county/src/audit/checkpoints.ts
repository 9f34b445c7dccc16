import type { EntityManager } from "@mikro-orm/core";
import { appendAudit, ChainCheckpoint, CheckpointSigner, type AuditEvent, type PublishedKey, type SignedCheckpoint } from "@ssj/shared";

/**
 * The county's checkpoint key (docs/draw-record.md, "Checkpoints"): one per database, found from any
 * EntityManager of it. Why a registry and not a parameter: every draw step appends to its chain, and
 * threading the signer through each of them would change every service signature for one concern.
 */
interface CheckpointKeys {
  signer: CheckpointSigner;
  /** Public keys whose checkpoints are accepted: the current key, then earlier (rotated) ones. */
  trusted: PublishedKey[];
}
const registry = new WeakMap<object, CheckpointKeys>();

export function registerCheckpointKeys(em: EntityManager, signer: CheckpointSigner, previous: PublishedKey[] = []): void {
  registry.set(em.config, { signer, trusted: [signer.publicKey, ...previous] });
}

export function checkpointKeys(em: EntityManager): CheckpointKeys {
  const k = registry.get(em.config);
  if (!k) throw new Error("no checkpoint key registered for this database");
  return k;
}

/** Appends to a chain and signs its new head, in the caller's transaction. */
export async function appendSigned(
  tx: EntityManager,
  chain: string,
  action: string,
  actor: string,
  payload: unknown,
  state: unknown,
): Promise<AuditEvent> {
  const event = await appendAudit(tx, chain, action, actor, payload, state);
  const signed = checkpointKeys(tx).signer.sign({ chain, seq: event.seq, hash: event.hash, at: new Date(event.at).toISOString() });
  tx.create(ChainCheckpoint, signed);
  await tx.flush();
  return event;
}

export async function checkpointsOf(em: EntityManager, chain: string): Promise<SignedCheckpoint[]> {
  const rows = await em.find(ChainCheckpoint, { chain }, { orderBy: { seq: "asc", id: "asc" } });
  return rows.map(({ chain, seq, hash, at, kid, signature }) => ({ chain, seq, hash, at, kid, signature }));
}
