import type { EntityManager } from "@mikro-orm/core";
import { AppError, IDEMPOTENCY_KEY_REUSED, IdempotencyKey, idempotencyKeyOf } from "@ssj/shared";
import { importSubjects } from "./import.service.js";
import type { CsvEncoding, ImportMode, ImportReport } from "./import.types.js";

/**
 * An import with an optional idempotency key. An import writes in chunks, each its own transaction
 * (import.service.ts), so the key cannot commit with "the" change: it is recorded with the final report
 * once the last chunk has committed, and a retry with the key answers that report without reading the
 * file again. A retry that arrives before the key was recorded imports the file again, which is safe:
 * rows already written are identical and count as `unchanged`, with no history entry. An import that
 * committed nothing (a refused file, ALL_OR_NOTHING with a bad row) records no key: a retry imports afresh.
 */
export async function importSubjectsOnce(
  em: EntityManager,
  key: string | null | undefined,
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { mode: ImportMode; encoding: CsvEncoding },
  actor: string,
): Promise<ImportReport> {
  const k = idempotencyKeyOf(key);
  if (!k) return importSubjects(em, source, opts, actor);
  const found = await em.fork().findOne(IdempotencyKey, { key: k });
  if (found) {
    if (found.operation !== "importSubjects" || found.actor !== actor)
      throw new AppError(IDEMPOTENCY_KEY_REUSED, "该幂等键已用于另一项操作或另一位操作人，请换一个新的键", { field: "idempotencyKey" });
    return JSON.parse(found.result) as ImportReport;
  }
  const report = await importSubjects(em, source, opts, actor);
  if (report.committed) {
    const tx = em.fork();
    tx.create(IdempotencyKey, { key: k, operation: "importSubjects", actor, result: JSON.stringify(report), createdAt: new Date() });
    await tx.flush();
  }
  return report;
}
