import type { EntityManager, EventSubscriber, TransactionEventArgs } from "@mikro-orm/core";
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError, requireText } from "../errors.js";
import { IdempotencyKey } from "./idempotency-key.entity.js";

export const IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

/** The description of every `idempotencyKey` argument. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  "幂等键（可选）：重试时带同一个键，返回已提交的结果而不是重复执行 / optional idempotency key: a retry with the same key returns the committed result";

/** The key as the client sent it, checked: none (null) or 1–200 characters. */
export function idempotencyKeyOf(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  return requireText(key, "idempotencyKey", "幂等键", 200);
}

interface Pending {
  key: string;
  operation: string;
  actor: string;
  /** The id (or JSON) of the result, read inside the committing transaction. */
  result: (tx: EntityManager, ctx: unknown) => Promise<string>;
  done: boolean;
}

const pending = new AsyncLocalStorage<Pending>();

/**
 * Writes the key of the mutation running in this async context into the first transaction that
 * commits in it — the one that makes the change — so key and change commit together or not at all.
 * Registered on every service's ORM.
 */
export class IdempotencySubscriber implements EventSubscriber {
  async beforeTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const p = pending.getStore();
    if (!p || p.done) return;
    p.done = true;
    const result = await p.result(args.em, args.transaction);
    await args.em.insert(IdempotencyKey, { key: p.key, operation: p.operation, actor: p.actor, result, createdAt: new Date() }, {
      ctx: args.transaction,
    } as never);
  }
}

function check(found: IdempotencyKey, operation: string, actor: string): string {
  if (found.operation !== operation || found.actor !== actor)
    throw new AppError(IDEMPOTENCY_KEY_REUSED, "该幂等键已用于另一项操作或另一位操作人，请换一个新的键", { field: "idempotencyKey" });
  return found.result;
}

/**
 * Runs a mutation at most once per idempotency key. A retry with a committed key skips `run` and
 * answers `replay(result)`; a concurrent call with the same key that loses the race (INVALID_STATE …)
 * answers the winner's result too. Without a key, `run` runs as usual.
 */
export async function runOnce<T>(
  em: EntityManager,
  key: string | null | undefined,
  operation: string,
  actor: string,
  run: () => Promise<T>,
  result: (tx: EntityManager, ctx: unknown) => Promise<string>,
  replay: (result: string) => Promise<T>,
): Promise<T> {
  const k = idempotencyKeyOf(key);
  if (!k) return run();
  const found = await em.fork().findOne(IdempotencyKey, { key: k });
  if (found) return replay(check(found, operation, actor));
  try {
    return await pending.run({ key: k, operation, actor, result, done: false }, run);
  } catch (e) {
    const winner = await em.fork().findOne(IdempotencyKey, { key: k });
    if (winner) return replay(check(winner, operation, actor));
    throw e;
  }
}
