import type { EntityManager } from "@mikro-orm/core";
import { ErrorCode } from "@ssj/shared";
import { parseFlagsCsv, type FlagField } from "../csv/parse-flags.js";
import { RecordChangeAction } from "../enums.js";
import { SupervisionRecordChange } from "../record-change.entity.js";
import { snapshotOf } from "../record.service.js";
import { SupervisionRecord } from "../supervision-record.entity.js";
import { ImportReportBuilder } from "./import.report.js";
import { CsvEncoding, ImportMode, type ImportReport } from "./import.types.js";

const LOOKUP = 1000;

/**
 * 信用标记导入 (docs/credit.md): the provincial platform's 经营异常/失信/严重违法失信 flags. Only those
 * three columns change; a USCC not in the department's directory (or removed from it) is a row error
 * `NOT_FOUND`; the row errors and modes are the directory import's. One transaction: all or nothing
 * in ALL_OR_NOTHING mode, the good rows in GOOD_ROWS mode. Each changed record gets a FLAGS_IMPORTED
 * history entry; an unchanged one gets none.
 */
export async function importFlags(
  em: EntityManager,
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { mode: ImportMode; encoding: CsvEncoding },
  actor: string,
): Promise<ImportReport> {
  const builder = new ImportReportBuilder(opts.mode, opts.encoding);
  const report = builder.report;
  const good: { line: number; uscc: string; flags: Partial<Record<FlagField, boolean>> }[] = [];
  for await (const row of parseFlagsCsv(source, { encoding: opts.encoding, onEncoding: (e) => (report.encoding = e) })) {
    report.rows++;
    if ("error" in row) builder.reject(row.line, row.error);
    else good.push(row);
  }
  const known = new Map<string, SupervisionRecord>();
  for (let i = 0; i < good.length; i += LOOKUP) {
    const found = await em.find(SupervisionRecord, { uscc: { $in: good.slice(i, i + LOOKUP).map((r) => r.uscc) }, removedAt: null });
    for (const r of found) known.set(r.uscc, r);
  }
  for (const r of good)
    if (!known.has(r.uscc))
      builder.reject(r.line, { code: ErrorCode.NOT_FOUND, reason: `本部门名录中没有统一社会信用代码为 ${r.uscc} 的主体`, uscc: r.uscc });
  if (opts.mode === ImportMode.ALL_OR_NOTHING && report.rejected) return builder.finish();
  await em.transactional(async (tx) => {
    for (const row of good) {
      const record = known.get(row.uscc);
      if (!record) continue;
      const changed = (Object.entries(row.flags) as [FlagField, boolean][]).filter(([f, v]) => record[f] !== v);
      if (!changed.length) {
        report.unchanged++;
        continue;
      }
      const live = tx.merge(record);
      for (const [f, v] of changed) live[f] = v;
      live.updatedAt = new Date();
      tx.create(SupervisionRecordChange, {
        recordId: live.id,
        action: RecordChangeAction.FLAGS_IMPORTED,
        snapshot: snapshotOf(live),
        actor,
        reason: "省级信用平台信用标记导入",
        at: new Date(),
      });
      report.updated++;
    }
  });
  report.committed = true;
  return builder.finish();
}
