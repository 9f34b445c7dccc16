import type { EntityManager } from "@mikro-orm/core";
import { runOnce } from "@ssj/shared";
import { emptyReport, importSubjects } from "./import.service.js";
import type { CsvEncoding, ImportMode, ImportReport } from "./import.types.js";

/**
 * An import with an optional idempotency key: the report is recorded with the key in the import's own
 * transaction, and a retry with the key answers that report without reading the file again. An import
 * that committed nothing (ALL_OR_NOTHING with a bad row) records no key: a retry imports afresh.
 */
export function importSubjectsOnce(
  em: EntityManager,
  key: string | null | undefined,
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { mode: ImportMode; encoding: CsvEncoding },
  actor: string,
): Promise<ImportReport> {
  const report = emptyReport(opts);
  return runOnce(
    em,
    key,
    "importSubjects",
    actor,
    () => importSubjects(em, source, opts, actor, report),
    async () => JSON.stringify({ ...report, committed: true }),
    async (saved) => JSON.parse(saved) as ImportReport,
  );
}
