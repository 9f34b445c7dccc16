import type { EntityManager } from "@mikro-orm/core";
import { isSqlite, type SubjectRecordInput } from "@ssj/shared";
import { setImmediate as yieldToReads } from "node:timers/promises";
import { parseSubjectCsvBatches } from "../csv/parse-subjects.js";
import { ImportReportBuilder } from "./import.report.js";
import { CsvEncoding, ImportMode, type ImportReport } from "./import.types.js";
import { SqliteStage } from "./import.stage.sqlite.js";
import type { ChunkResult } from "./import.stage.js";
import { PostgresStage } from "./import.stage.postgres.js";

/**
 * Rows per transaction on SQLite. Each chunk is a short transaction and the event loop is yielded
 * between chunks, so reads of the department are served during a 200,000-row import instead of
 * waiting for one long transaction. Not smaller: new USCCs land all over the unique index, so each
 * commit writes most of that index's pages to the WAL again, however few rows it holds; 10,000 rows
 * per commit cost about half the CPU per row of 5,000 on a bare SQLite loop (docs/performance.md).
 */
export const CHUNK_ROWS = 10_000;

/**
 * Imports a CSV of supervision records in two phases.
 *
 * 1. Read and check: the file is streamed through the parser; every bad row is counted (the first
 *    1,000 listed, all summarised by reason) and every good row is staged in a temporary table
 *    (import.stage.ts; on PostgreSQL by `COPY`). A file-level error (bad header, unclosed quote, bad
 *    encoding) throws `INVALID_CSV` with nothing written. In ALL_OR_NOTHING mode one bad row means
 *    nothing is written.
 * 2. Write, with set-based SQL from the stage: new subjects inserted, changed ones updated (removed
 *    ones restored), identical ones left alone with no history entry; one history entry per row
 *    written, in the file's order. On PostgreSQL the whole import is one transaction. On SQLite it is
 *    written in chunks of CHUNK_ROWS, each its own transaction: should the database fail mid-way, the
 *    chunks before stay written and the error is raised — re-importing the same file completes it,
 *    the rows already written counting as unchanged.
 */
export async function importSubjects(
  em: EntityManager,
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { mode: ImportMode; encoding: CsvEncoding },
  actor: string,
): Promise<ImportReport> {
  const builder = new ImportReportBuilder(opts.mode, opts.encoding);
  const report = builder.report;
  const stage = isSqlite(em) ? new SqliteStage(em) : new PostgresStage(em);
  try {
    for await (const rows of parseSubjectCsvBatches(source, { encoding: opts.encoding, onEncoding: (e) => (report.encoding = e) })) {
      const good: SubjectRecordInput[] = [];
      for (const item of rows) {
        report.rows++;
        if ("error" in item) builder.reject(item.line, item.error);
        else good.push(item.record);
      }
      if (!(opts.mode === ImportMode.ALL_OR_NOTHING && report.rejected)) await stage.add(good);
      // A body already received is read through promises alone, which never let the event loop take
      // other requests: reads of the department waited for the whole file before this yield.
      await yieldToReads();
    }
    if (opts.mode === ImportMode.ALL_OR_NOTHING && report.rejected) return builder.finish();
    const add = (done: ChunkResult) => {
      report.created += done.created;
      report.updated += done.updated;
      report.unchanged += done.unchanged;
    };
    if (stage instanceof SqliteStage) {
      for (let from = 1; from <= stage.count; from += CHUNK_ROWS) {
        add(await stage.write(from, Math.min(stage.count, from + CHUNK_ROWS - 1), actor));
        await yieldToReads();
      }
    } else add(await stage.write(actor));
    report.committed = true;
    return builder.finish();
  } finally {
    await stage.dispose();
  }
}
