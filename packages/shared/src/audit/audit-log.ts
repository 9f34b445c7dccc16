import type { EntityManager, Transaction } from "@mikro-orm/core";
import { createHash } from "node:crypto";
import { serialize } from "../serialize.js";
import { AuditEvent } from "./audit-event.entity.js";

export const GENESIS = "0".repeat(64);
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** The hash of one entry: documented so anyone can recompute the chain from an export. */
export function entryHash(
  e: Pick<AuditEvent, "chain" | "seq" | "action" | "actor" | "at" | "payload" | "stateDigest" | "prevHash">,
): string {
  return sha256([e.prevHash, e.chain, String(e.seq), e.action, e.actor, new Date(e.at).toISOString(), e.payload, e.stateDigest].join("\n"));
}

export function digestOf(state: unknown): string {
  return sha256(JSON.stringify(state));
}

/** Appends an event to a chain, inside the caller's transaction (the entry commits with the change it records). */
export async function appendAudit(
  em: EntityManager,
  chain: string,
  action: string,
  actor: string,
  payload: unknown,
  state: unknown,
): Promise<AuditEvent> {
  // two concurrent writers would otherwise both read the same last entry and collide on (chain, seq)
  await serialize(em, `audit:${chain}`);
  const last = await em.findOne(AuditEvent, { chain }, { orderBy: { seq: "desc" } });
  const at = new Date(Math.floor(Date.now() / 1000) * 1000); // whole seconds: every database stores them exactly
  const fields = {
    chain,
    seq: (last?.seq ?? 0) + 1,
    action,
    actor,
    at,
    payload: JSON.stringify(payload ?? null),
    stateDigest: digestOf(state),
    prevHash: last?.hash ?? GENESIS,
  };
  const event = em.create(AuditEvent, { ...fields, hash: entryHash(fields) });
  await em.flush();
  return event;
}

/**
 * Appends an event inside a transaction that is about to commit (a `beforeTransactionCommit` hook):
 * there the unit of work may be flushing, so the row is read and written through the driver on the
 * given transaction instead of through the identity map.
 */
export async function appendAuditOnCommit(
  em: EntityManager,
  ctx: Transaction,
  chain: string,
  action: string,
  actor: string,
  payload: unknown,
): Promise<void> {
  await serialize(em, `audit:${chain}`, ctx);
  const last = await em.getDriver().findOne<AuditEvent>(AuditEvent.name, { chain }, { orderBy: { seq: "desc" }, ctx });
  const fields = {
    chain,
    seq: (last?.seq ?? 0) + 1,
    action,
    actor,
    at: new Date(Math.floor(Date.now() / 1000) * 1000),
    payload: JSON.stringify(payload ?? null),
    stateDigest: digestOf(payload),
    prevHash: last?.hash ?? GENESIS,
  };
  await em.insert(AuditEvent, { ...fields, hash: entryHash(fields) }, { ctx } as never);
}

/** Recomputes a chain: null when every hash holds, else where it first breaks. */
export async function verifyChain(em: EntityManager, chain: string): Promise<{ ok: boolean; brokenAt: number | null; length: number }> {
  const events = await em.find(AuditEvent, { chain }, { orderBy: { seq: "asc" } });
  let prev = GENESIS;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1 || e.prevHash !== prev || entryHash(e) !== e.hash) return { ok: false, brokenAt: e.seq, length: events.length };
    prev = e.hash;
  }
  return { ok: true, brokenAt: null, length: events.length };
}
