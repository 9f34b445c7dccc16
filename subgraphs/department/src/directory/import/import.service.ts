import type { EntityManager } from "@mikro-orm/core";
import type { SubjectRecordInput } from "@ssj/shared";
import { setImmediate as yieldToReads } from "node:timers/promises";
import { parseSubjectCsvBatches } from "../csv/parse-subjects.js";
import { ImportReportBuilder } from "./import.report.js";
import { RecordSpool } from "./import.spool.js";
import { CsvEncoding, ImportMode, type ImportReport } from "./import.types.js";
import { isSqlite, SqliteStage } from "./import.stage.sqlite.js";
import { writeChunk, type ChunkResult } from "./import.writer.js";
import { writeChunkPostgres } from "./import.postgres.js";

/**
 * Rows per transaction. Each chunk is a short transaction and the event loop is yielded between
 * chunks, so reads of the department are served during a 200,000-row import instead of waiting
 * for one long transaction (see docs/performance.md).
 */
export const CHUNK_ROWS = 5000;

/**
 * Imports a CSV of supervision records in two phases.
 *
 * 1. Read and check: the file is streamed through the parser; every bad row is counted (the first
 *    1,000 listed, all summarised by reason) and every good row is staged: on SQLite in a temporary
 *    table (import.stage.sqlite.ts), elsewhere in a temporary file (import.spool.ts). A
 *    file-level error (bad header, unclosed quote, bad encoding) throws `INVALID_CSV` with nothing
 *    written. In ALL_OR_NOTHING mode one bad row means nothing is written.
 * 2. Write: the staged rows in chunks of CHUNK_ROWS, each in its own transaction: new subjects
 *    inserted, changed ones updated (removed ones restored), identical ones left alone with no
 *    history entry. A row is written whole or not at all; should the database fail mid-way, the
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
  const sqlite = isSqlite(em);
  const stage = sqlite ? new SqliteStage(em) : new RecordSpool();
  try {
    for await (const rows of parseSubjectCsvBatches(source, { encoding: opts.encoding, onEncoding: (e) => (report.encoding = e) })) {
      const good: SubjectRecordInput[] = [];
      for (const item of rows) {
        report.rows++;
        if ("error" in item) builder.reject(item.line, item.error);
        else good.push(item.record);
      }
      if (!(opts.mode === ImportMode.ALL_OR_NOTHING && report.rejected)) await stage.add(good);
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
    } else {
      const postgres = em.getPlatform().constructor.name.includes("Postgre");
      for await (const chunk of stage.chunks(CHUNK_ROWS)) {
        add(await em.fork().transactional((tx) => (postgres ? writeChunkPostgres(tx, chunk, actor) : writeChunk(tx, chunk, actor))));
        await yieldToReads();
      }
    }
    report.committed = true;
    return builder.finish();
  } finally {
    await stage.dispose();
  }
}
