import { Readable } from "node:stream";
import { AppError, ErrorCode, explainUsccError, normalizeUscc } from "@ssj/shared";
import { parse } from "csv-parse";
import { decodeCsvBytes, type CsvEncoding, type ResolvedEncoding } from "./decode.js";
import { fieldOfHeader, SUBJECT_FIELD_LABELS, type SubjectCsvRowError } from "./parse-subjects.js";
import { readFlag } from "./spreadsheet-values.js";

export const FLAG_FIELDS = ["abnormalList", "dishonest", "seriousViolation"] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];
export type FlagsRow =
  { line: number; uscc: string; flags: Partial<Record<FlagField, boolean>> } | { line: number; error: SubjectCsvRowError };

/**
 * The provincial credit platform's flags file (docs/credit.md): a USCC column and any of the three flag
 * columns (经营异常名录 / 失信 / 严重违法失信), headers as in the directory file (same aliases), values
 * as there (是/否, Y/N, 1/0…). Same decoding and row-error shape as the directory import: a bad USCC,
 * an unreadable flag, a repeated USCC or a wrong field count is a row error; a bad header refuses the file.
 */
export async function* parseFlagsCsv(
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: { encoding?: CsvEncoding; onEncoding?: (e: ResolvedEncoding) => void } = {},
): AsyncGenerator<FlagsRow, void, undefined> {
  const text = Readable.from(decodeCsvBytes(source, opts));
  const parser = text.pipe(parse({ relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: true }));
  let header: { uscc: number; flags: [FlagField, number][]; width: number } | undefined;
  const seen = new Map<string, number>();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!header) {
        const fields = record.map((c) => fieldOfHeader(c.trim()));
        const uscc = fields.indexOf("uscc");
        const flags = FLAG_FIELDS.map((f) => [f, fields.indexOf(f)] as [FlagField, number]).filter(([, i]) => i >= 0);
        if (uscc < 0 || !flags.length)
          throw new AppError(
            ErrorCode.INVALID_CSV,
            "信用标记文件的表头应含“统一社会信用代码”和至少一个标记列（经营异常名录、失信、严重违法失信）",
            {
              line,
            },
          );
        header = { uscc, flags, width: record.length };
        continue;
      }
      const raw = (record[header.uscc] ?? "").trim();
      const uscc = normalizeUscc(raw);
      if (record.length !== header.width) {
        yield {
          line,
          error: { code: ErrorCode.INVALID_CSV, reason: `字段数量不符：应为 ${header.width} 个，实际为 ${record.length} 个`, uscc },
        };
        continue;
      }
      const bad = explainUsccError(uscc);
      if (bad) {
        yield {
          line,
          error: { code: ErrorCode.INVALID_USCC, reason: bad, uscc, problems: [{ field: "uscc", code: ErrorCode.INVALID_USCC }] },
        };
        continue;
      }
      const flags: Partial<Record<FlagField, boolean>> = {};
      const problems: { field: string; code: string }[] = [];
      for (const [f, i] of header.flags) {
        if (!(record[i] ?? "").trim()) continue; // an empty cell leaves that flag as it is
        const v = readFlag(record[i] ?? "");
        if (v === undefined) problems.push({ field: f, code: ErrorCode.BAD_USER_INPUT });
        else flags[f] = v;
      }
      if (problems.length) {
        const reason = problems.map((p) => `${SUBJECT_FIELD_LABELS[p.field as FlagField]}：取值无法识别`).join("；");
        yield { line, error: { code: ErrorCode.BAD_USER_INPUT, reason, uscc, problems } };
        continue;
      }
      const earlier = seen.get(uscc);
      if (earlier !== undefined) {
        yield { line, error: { code: ErrorCode.DUPLICATE, reason: `与第 ${earlier} 行的统一社会信用代码重复`, uscc } };
        continue;
      }
      seen.set(uscc, line);
      yield { line, uscc, flags };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(ErrorCode.INVALID_CSV, `CSV 文件无法解析：${(e as Error).message}`);
  }
  if (!header) throw new AppError(ErrorCode.INVALID_CSV, "CSV 文件为空（没有表头和数据）", { line: 1 });
}
