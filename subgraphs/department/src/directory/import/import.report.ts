import { ErrorCode } from "@ssj/shared";
import { SUBJECT_FIELD_LABELS, type SubjectCsvRowError } from "../csv/parse-subjects.js";
import type { CsvEncoding, ImportErrorCount, ImportMode, ImportReport } from "./import.types.js";

/**
 * Bad rows listed in an answer. A 50 MB file of bad rows once produced a 68 MB answer; the clerk
 * needs the reasons (the summary) and enough rows to find the pattern, not every row.
 */
export const MAX_LISTED_ERRORS = 1000;

const CODE_LABELS: Record<string, string> = {
  [ErrorCode.REQUIRED_FIELD]: "未填写",
  [ErrorCode.INVALID_USCC]: "统一社会信用代码无效",
  [ErrorCode.INVALID_REGION]: "行政区划代码无效",
  [ErrorCode.BAD_USER_INPUT]: "取值无法识别或超长",
  [ErrorCode.DUPLICATE]: "与文件中前面的行重复",
  [ErrorCode.INVALID_CSV]: "字段数量与表头不符",
  [ErrorCode.NOT_FOUND]: "本部门名录中没有该主体",
};

function labelOf(code: string, column: string | null): string {
  const what = CODE_LABELS[code] ?? code;
  const label = column ? SUBJECT_FIELD_LABELS[column as keyof typeof SUBJECT_FIELD_LABELS] : undefined;
  return label ? `${label}：${what}` : what;
}

/** Builds the ImportReport: counts every bad row, lists the first MAX_LISTED_ERRORS, summarises by reason (most frequent first, ties in order of first appearance). */
export class ImportReportBuilder {
  readonly report: ImportReport;
  private readonly counts = new Map<string, ImportErrorCount>();

  constructor(mode: ImportMode, encoding: CsvEncoding) {
    this.report = {
      mode,
      encoding,
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      committed: false,
      errorSummary: [],
      errors: [],
      errorsTruncated: false,
    };
  }

  reject(line: number, error: SubjectCsvRowError): void {
    const r = this.report;
    r.rejected++;
    if (r.errors.length < MAX_LISTED_ERRORS) r.errors.push({ line, code: error.code, reason: error.reason, uscc: error.uscc ?? null });
    else r.errorsTruncated = true;
    const kinds = error.problems?.length ? error.problems : [{ code: error.code, field: null }];
    for (const { code, field } of kinds) {
      const key = `${code}\u0000${field ?? ""}`;
      const c = this.counts.get(key);
      if (c) c.count++;
      else this.counts.set(key, { code, column: field, label: labelOf(code, field), count: 1 });
    }
  }

  finish(): ImportReport {
    this.report.errorSummary = [...this.counts.values()].sort((a, b) => b.count - a.count);
    return this.report;
  }
}
