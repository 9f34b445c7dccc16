import type { EntityManager } from "@mikro-orm/core";
import { AppError, requireText } from "../errors.js";
import { IdempotencyKey } from "./idempotency-key.entity.js";

export const IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

/** The key as the client sent it, checked: none (null) or 1–200 characters. */
export function idempotencyKeyOf(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  return requireText(key, "idempotencyKey", "幂等键", 200);
}

function check(found: IdempotencyKey, operation: string, actor: string): string {
  if (found.operation !== operation || found.actor !== actor)
    throw new AppError(IDEMPOTENCY_KEY_REUSED, "该幂等键已用于另一项操作或另一位操作人，请换一个新的键", { field: "idempotencyKey" });
  return found.result;
}

/**
 * Runs a mutation at most once per idempotency key. `run` does the change in a transaction and calls
 * `remember(tx, resultId)` inside it, so the key commits with the change or not at all; a retry with a
 * committed key skips `run` and answers `replay(resultId)`. Two concurrent calls with one key: the
 * second waits on the key's primary key and then replays.
 */
export async function runOnce<T>(
  em: EntityManager,
  key: string | null,
  operation: string,
  actor: string,
  run: (remember: (tx: EntityManager, result: string) => Promise<void>) => Promise<T>,
  replay: (result: string) => Promise<T>,
): Promise<T> {
  if (!key) return run(async () => {});
  const found = await em.fork().findOne(IdempotencyKey, { key });
  if (found) return replay(check(found, operation, actor));
  try {
    return await run(async (tx, result) => {
      tx.create(IdempotencyKey, { key, operation, actor, result });
      await tx.flush();
    });
  } catch (e) {
    // A concurrent call with the same key committed first: its result is the answer to this one too.
    const winner = await em.fork().findOne(IdempotencyKey, { key });
    if (winner) return replay(check(winner, operation, actor));
    throw e;
  }
}
