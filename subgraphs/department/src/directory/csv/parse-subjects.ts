import {
  AppError,
  ErrorCode,
  SUBJECT_CSV_COLUMNS,
  controlCharacterIn,
  controlCharacterMessage,
  isValidUscc,
  normalizeUscc,
} from "@ssj/shared";
import type { FieldProblem, SubjectRecordInput } from "@ssj/shared";
import { SUBJECT_FIELDS, SUBJECT_FIELD_LABELS, checkSubjectRecord } from "../subject.rules.js";
import { csvRecords } from "./csv-records.js";
import { decodeCsvBytes } from "./decode.js";
import { readFlag, readRiskClass, splitList } from "./spreadsheet-values.js";
import type { CsvEncoding, ResolvedEncoding } from "./decode.js";

/** Re-exported for the import's report, so that the importer depends on the CSV reader only. */
export { SUBJECT_FIELD_LABELS };

type Field = keyof SubjectRecordInput;

export interface SubjectCsvRowError {
  /** the first problem's code: REQUIRED_FIELD, INVALID_USCC, INVALID_REGION, BAD_USER_INPUT, DUPLICATE or INVALID_CSV */
  code: string;
  /** every problem of the row, in Chinese, joined with "；" */
  reason: string;
  /** the row's USCC cell (normalised), when it has one */
  uscc?: string;
  /** each problem's column and code (none for a row the file's structure rejects: field count, duplicate) */
  problems?: { field: string; code: string }[];
}

export type SubjectCsvRow = { line: number; record: SubjectRecordInput } | { line: number; error: SubjectCsvRowError };

export interface ParseSubjectCsvOptions {
  encoding?: CsvEncoding;
  /** Told which encoding was used (AUTO resolves to UTF8 or GBK). */
  onEncoding?: (encoding: ResolvedEncoding) => void;
  /** Largest record accepted, in characters (default 100,000); beyond it the file is refused (usually an unclosed quote). */
  maxRecordChars?: number;
}

export const REQUIRED_COLUMNS: readonly Field[] = [
  "uscc",
  "name",
  "category",
  "address",
  "legalRepresentative",
  "region",
  "supervisionTypes",
  "riskClass",
];
/** Optional columns: the three flags default to 否, key sectors to none. */
export const OPTIONAL_COLUMNS: readonly Field[] = ["abnormalList", "dishonest", "seriousViolation", "keySectors"];

/** Header names accepted for each field (compared after `normalizeHeader`). */
const HEADER_ALIASES: Record<Field, string[]> = {
  uscc: ["uscc", "统一社会信用代码", "社会信用代码", "信用代码", "creditcode", "unifiedsocialcreditcode"],
  name: ["name", "名称", "主体名称", "企业名称", "市场主体名称", "subjectname"],
  category: ["category", "行业类别", "经营类别", "行业", "类别", "businesscategory"],
  address: ["address", "地址", "住所", "经营场所", "住所(经营场所)", "经营地址"],
  legalRepresentative: [
    "legalrepresentative",
    "法定代表人",
    "负责人",
    "经营者",
    "法定代表人(负责人)",
    "法定代表人/负责人",
    "法定代表人或负责人",
  ],
  region: ["region", "regioncode", "行政区划代码", "行政区划", "区划代码"],
  supervisionTypes: ["supervisiontypes", "supervisiontype", "监管类型"],
  riskClass: ["riskclass", "风险等级", "信用风险分类", "信用风险等级", "风险分类"],
  abnormalList: ["abnormallist", "经营异常", "经营异常名录", "列入经营异常名录"],
  dishonest: ["dishonest", "失信", "失信主体"],
  seriousViolation: ["seriousviolation", "严重违法失信", "严重违法失信名单", "列入严重违法失信名单"],
  keySectors: ["keysectors", "keysector", "重点领域"],
};

/** Lower-case, half-width, without spaces, `_`, `-` and a leading required-marker `*`. */
function normalizeHeader(h: string): string {
  return h
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .toLowerCase()
    .replace(/[\s_\-*]/g, "");
}

const FIELD_BY_HEADER = new Map<string, Field>();
for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [Field, string[]][]) {
  for (const a of aliases) FIELD_BY_HEADER.set(normalizeHeader(a), field);
}

/** The field a header cell names (English or Chinese, any case or width), for other files of the directory (flags). */
export function fieldOfHeader(cell: string): Field | undefined {
  return FIELD_BY_HEADER.get(normalizeHeader(cell));
}

function columnLabel(f: Field): string {
  return `${SUBJECT_FIELD_LABELS[f]}（${f}）`;
}

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === "");
}

interface HeaderMap {
  /** column index of each present field */
  index: Partial<Record<Field, number>>;
  width: number;
}

function readHeader(cells: string[]): HeaderMap {
  const index: Partial<Record<Field, number>> = {};
  const positions = new Map<Field, number[]>();
  const unknown: string[] = [];
  cells.forEach((raw, i) => {
    const cell = raw.trim();
    if (!cell) return; // unnamed column: ignored
    const field = FIELD_BY_HEADER.get(normalizeHeader(cell));
    if (!field) {
      unknown.push(`“${cell}”（第 ${i + 1} 列）`);
      return;
    }
    positions.set(field, [...(positions.get(field) ?? []), i + 1]);
    if (index[field] === undefined) index[field] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((f) => index[f] === undefined);
  const duplicated = [...positions].filter(([, at]) => at.length > 1);
  if (missing.length || unknown.length || duplicated.length) {
    const parts: string[] = [];
    if (isValidUscc(cells[0] ?? "")) {
      parts.push("第 1 行应为表头（列名），但看起来是数据行");
    }
    if (missing.length) parts.push(`缺少必需的列：${missing.map(columnLabel).join("、")}`);
    if (unknown.length) parts.push(`无法识别的列：${unknown.join("、")}`);
    for (const [f, at] of duplicated) parts.push(`列“${SUBJECT_FIELD_LABELS[f]}”重复出现（第 ${at.join("、")} 列）`);
    const expected = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(",");
    throw new AppError(ErrorCode.INVALID_CSV, `CSV 表头有误：${parts.join("；")}。表头应为（中英文列名均可）：${expected}`, {
      line: 1,
      missing,
      unknown: unknown.length ? cells.filter((c) => c.trim() && !FIELD_BY_HEADER.has(normalizeHeader(c.trim()))).map((c) => c.trim()) : [],
      duplicated: duplicated.map(([f]) => f),
      expected: [...SUBJECT_CSV_COLUMNS],
    });
  }
  return { index, width: cells.length };
}

function rowError(problems: FieldProblem[], uscc: string | undefined): SubjectCsvRowError {
  const err: SubjectCsvRowError = {
    code: problems[0]!.code,
    reason: problems.map((p) => p.reason).join("；"),
    problems: problems.map(({ field, code }) => ({ field, code })),
  };
  if (uscc) err.uscc = uscc;
  return err;
}

function convertRow(fields: string[], header: HeaderMap): { record?: SubjectRecordInput; problems: FieldProblem[]; uscc?: string } {
  const cell = (f: Field): string | undefined => {
    const i = header.index[f];
    return i === undefined ? undefined : (fields[i] ?? "");
  };
  const problems: FieldProblem[] = [];
  const flag = (f: "abnormalList" | "dishonest" | "seriousViolation"): boolean | undefined => {
    const v = cell(f);
    if (v === undefined) return false;
    const read = readFlag(v);
    if (read !== undefined) return read;
    problems.push({
      field: f,
      code: ErrorCode.BAD_USER_INPUT,
      reason: `${SUBJECT_FIELD_LABELS[f]}“${v.trim()}”无法识别，应为 是/否（也可写 Y/N、1/0、TRUE/FALSE）`,
    });
    return undefined;
  };
  const rawUscc = cell("uscc")?.trim();
  const input = {
    uscc: rawUscc,
    name: cell("name"),
    category: cell("category"),
    address: cell("address"),
    legalRepresentative: cell("legalRepresentative"),
    region: cell("region"),
    supervisionTypes: splitList(cell("supervisionTypes") ?? ""),
    riskClass: readRiskClass(cell("riskClass") ?? ""),
    abnormalList: flag("abnormalList"),
    dishonest: flag("dishonest"),
    seriousViolation: flag("seriousViolation"),
    keySectors: splitList(cell("keySectors") ?? ""),
  };
  // A control character (NUL …) is refused in any column, as in every GraphQL text input.
  // One test over the whole row; the columns are looked at only when it finds something.
  if (controlCharacterIn(fields.join(""))) {
    for (const f of Object.keys(header.index) as Field[]) {
      const c = controlCharacterIn(cell(f) ?? "");
      if (c) problems.push({ field: f, code: ErrorCode.BAD_USER_INPUT, reason: controlCharacterMessage(SUBJECT_FIELD_LABELS[f], c) });
    }
  }
  const checked = checkSubjectRecord(input);
  if (problems.length === 0 && checked.record) return checked; // the common case: the USCC is the record's
  const uscc = rawUscc ? normalizeUscc(rawUscc) : undefined;
  if (problems.length === 0) return { ...checked, uscc };
  const all = [...checked.problems, ...problems].sort(
    (a, b) => SUBJECT_FIELDS.indexOf(a.field as Field) - SUBJECT_FIELDS.indexOf(b.field as Field),
  );
  return { problems: all, uscc };
}

/**
 * Stream a subject CSV file (comma-separated, RFC 4180 quotes, LF or CRLF) as records and row errors,
 * one at a time, without holding the file (memory: one record, plus the USCCs seen so far for the
 * duplicate check).
 *
 * - The first non-blank line is the header; column names in English or Chinese, case-insensitive, any
 *   order; unnamed (empty) header cells are ignored. Missing required, unknown or duplicated columns, or
 *   an empty file → AppError `INVALID_CSV` (details: missing, unknown, duplicated) before any row.
 * - `line` is the 1-based physical line where the row starts (the header being line 1 when it is first).
 * - Blank rows are skipped. A row with fewer fields than the header, or extra non-empty fields → row error
 *   `INVALID_CSV`. A row whose USCC repeats an earlier accepted row's → row error `DUPLICATE`.
 * - An unclosed quote or a record over `maxRecordChars` → AppError `INVALID_CSV` naming the line where
 *   that record starts. It is thrown when found, after some of the rows before it have been yielded
 *   (callers wanting all-or-nothing must not commit before the generator finishes). Encoding problems
 *   likewise (see `decodeCsvBytes`).
 *
 * Rows come in batches (all the rows of one chunk of the file): the records of each chunk are read
 * synchronously (`csvRecords`) and nothing is awaited per row (an await per row through a parser's
 * stream was a fifth of an import's time, docs/performance.md).
 */
export async function* parseSubjectCsvBatches(
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: ParseSubjectCsvOptions = {},
): AsyncGenerator<SubjectCsvRow[], void, undefined> {
  const text = decodeCsvBytes(source, { encoding: opts.encoding, onEncoding: opts.onEncoding });
  let header: HeaderMap | undefined;
  const seen = new Map<string, number>();
  for await (const records of csvRecords(text, opts.maxRecordChars ?? 100_000)) {
    const rows: SubjectCsvRow[] = [];
    for (const { fields, line } of records) {
      if (isBlank(fields)) continue;
      if (!header) {
        header = readHeader(fields);
        continue;
      }
      rows.push(checkRow(fields, line, header, seen));
    }
    if (rows.length) yield rows;
  }
  if (!header) throw new AppError(ErrorCode.INVALID_CSV, "CSV 文件为空（没有表头和数据）", { line: 1 });
}

/** One data row: a record, or its error (field count, cell checks, a USCC repeated from an earlier row). */
function checkRow(fields: string[], line: number, header: HeaderMap, seen: Map<string, number>): SubjectCsvRow {
  if (fields.length < header.width || (fields.length > header.width && !isBlank(fields.slice(header.width)))) {
    const i = header.index.uscc;
    const raw = i === undefined ? "" : (fields[i] ?? "").trim();
    return {
      line,
      error: {
        code: ErrorCode.INVALID_CSV,
        reason: `字段数量不符：应为 ${header.width} 个，实际为 ${fields.length} 个`,
        ...(raw ? { uscc: normalizeUscc(raw) } : {}),
      },
    };
  }
  const { record, problems, uscc } = convertRow(fields, header);
  if (!record) return { line, error: rowError(problems, uscc) };
  const earlier = seen.get(record.uscc);
  if (earlier !== undefined)
    return { line, error: { code: ErrorCode.DUPLICATE, reason: `与第 ${earlier} 行的统一社会信用代码重复`, uscc: record.uscc } };
  seen.set(record.uscc, line);
  return { line, record };
}

/** The rows of `parseSubjectCsvBatches` one at a time. */
export async function* parseSubjectCsv(
  source: AsyncIterable<Buffer | Uint8Array>,
  opts: ParseSubjectCsvOptions = {},
): AsyncGenerator<SubjectCsvRow, void, undefined> {
  for await (const rows of parseSubjectCsvBatches(source, opts)) yield* rows;
}
