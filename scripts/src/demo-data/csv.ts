import { once } from "node:events";
import type { Writable } from "node:stream";
import iconv from "iconv-lite";
import { KEY_SECTOR_LABELS, SUBJECT_CSV_COLUMNS } from "@ssj/shared";
import type { SubjectRecordInput } from "@ssj/shared";

export interface WriteSubjectsCsvOptions {
  /** default UTF8; GBK writes GB18030 (identical to GBK for every character GBK has) */
  encoding?: "UTF8" | "GBK";
  /** write a UTF-8 byte-order mark (Excel needs it to open UTF-8 CSV correctly); default false */
  bom?: boolean;
  /** default "\r\n" (RFC 4180) */
  lineEnding?: "\n" | "\r\n";
  /** end the stream when done; default true */
  end?: boolean;
}

/** Quote a field when it holds a comma, a quote, a line break or surrounding spaces (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const SUBJECT_CSV_HEADER = SUBJECT_CSV_COLUMNS.join(",");

/** One record as a CSV line (without line ending): lists joined with ";", flags 是/否, key sectors in Chinese. */
export function subjectCsvRow(r: SubjectRecordInput): string {
  const yes = (b: boolean) => (b ? "是" : "否");
  const values: Record<(typeof SUBJECT_CSV_COLUMNS)[number], string> = {
    uscc: r.uscc,
    name: r.name,
    category: r.category,
    address: r.address,
    legalRepresentative: r.legalRepresentative,
    region: r.region,
    supervisionTypes: r.supervisionTypes.join(";"),
    riskClass: r.riskClass,
    abnormalList: yes(r.abnormalList),
    dishonest: yes(r.dishonest),
    seriousViolation: yes(r.seriousViolation),
    keySectors: r.keySectors.map((s) => KEY_SECTOR_LABELS[s]).join(";"),
  };
  return SUBJECT_CSV_COLUMNS.map((c) => csvField(values[c])).join(",");
}

const BATCH_CHARS = 64 * 1024;

/**
 * Write a department's subjects as a CSV file (English header) to `out`, honouring backpressure:
 * rows are batched into ~64 KiB writes and writing pauses until `drain` when the stream is full.
 * Returns the number of data rows written.
 */
export async function writeSubjectsCsv(
  records: Iterable<SubjectRecordInput> | AsyncIterable<SubjectRecordInput>,
  out: Writable,
  opts: WriteSubjectsCsvOptions = {},
): Promise<number> {
  const eol = opts.lineEnding ?? "\r\n";
  const gbk = opts.encoding === "GBK";
  const encode = (s: string): Buffer => (gbk ? iconv.encode(s, "gb18030") : Buffer.from(s, "utf8"));
  const write = async (s: string) => {
    if (!out.write(encode(s))) await once(out, "drain");
  };
  let batch = (opts.bom && !gbk ? "\ufeff" : "") + SUBJECT_CSV_HEADER + eol;
  let rows = 0;
  for await (const r of records) {
    batch += subjectCsvRow(r) + eol;
    rows++;
    if (batch.length >= BATCH_CHARS) {
      await write(batch);
      batch = "";
    }
  }
  if (batch) await write(batch);
  if (opts.end ?? true) {
    out.end();
    await once(out, "finish");
  }
  return rows;
}
