import Papa from "papaparse";
import { AppError, ErrorCode } from "@ssj/shared";

/** One record of a CSV file: its fields, and the physical line (1-based) where it starts. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

type RecordDelimiter = "\r\n" | "\n" | "\r";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * The file's record delimiter: the first line break outside a quoted field, `\r\n` before `\r` (the rule
 * csv-parse, the reader before, applied). `undefined` while `text` does not tell yet.
 */
export function recordDelimiterOf(text: string): RecordDelimiter | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
    } else if (c === QUOTE) {
      if (i === 0 || text.charCodeAt(i - 1) === COMMA) quoted = true; // a quote opens a field only at its start
    } else if (c === LF) return "\n";
    else if (c === CR) {
      if (i + 1 === text.length) return undefined; // `\r` or `\r\n`: the next chunk tells
      return text.charCodeAt(i + 1) === LF ? "\r\n" : "\r";
    }
  }
  return undefined;
}

/** Line breaks inside a field: \r\n, \r and \n each count as one. */
function lineBreaks(s: string): number {
  if (s.indexOf("\n") === -1 && s.indexOf("\r") === -1) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (s.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}

function unclosedQuote(line: number): AppError {
  return new AppError(ErrorCode.INVALID_CSV, `CSV 文件第 ${line} 行开始的引号没有闭合`, { line, csvCode: "CSV_QUOTE_NOT_CLOSED" });
}

function textAfterClosingQuote(line: number): AppError {
  return new AppError(
    ErrorCode.INVALID_CSV,
    `CSV 文件第 ${line} 行开始的记录中，引号括起的字段在闭合引号之后还有其他字符（字段内的引号应写成两个引号 ""）`,
    { line, csvCode: "CSV_INVALID_CLOSING_QUOTE" },
  );
}

function tooLong(line: number, maxRecordChars: number): AppError {
  return new AppError(ErrorCode.INVALID_CSV, `CSV 文件第 ${line} 行开始的记录过长（超过 ${maxRecordChars} 个字符），可能是引号没有闭合`, {
    line,
    csvCode: "CSV_MAX_RECORD_SIZE",
  });
}

/**
 * The records of CSV text (comma-separated, RFC 4180 quotes, a quote inside an unquoted field kept as
 * text), a batch per chunk of the text, each with the physical line where it starts.
 *
 * papaparse's `Parser` is driven directly over each chunk, the chunk's incomplete last record carried to
 * the next one: it splits with `indexOf` and `substring` where csv-parse walked the bytes, six times
 * less CPU per row on the import benchmark (docs/performance.md). Like csv-parse before it, it knows one
 * record delimiter per file (`recordDelimiterOf`); a different line break inside a record stays in its
 * field, and the row then has the wrong number of fields (a row error, not a lost row).
 *
 * An unclosed quote, text after the closing quote of a quoted field (`"阳光"超市`: papaparse would run that
 * field on to the next quote in the file, swallowing the rows between, so the file is refused where
 * csv-parse took the field as text), or a record longer than `maxRecordChars` (usually an unclosed quote
 * too: the carried record would otherwise grow to the end of the file) throws `INVALID_CSV` naming the
 * line where that record starts, after the records before it.
 */
export async function* csvRecords(text: AsyncIterable<string>, maxRecordChars: number): AsyncGenerator<CsvRecord[], void, undefined> {
  let nextLine = 1;
  let carry = "";
  let parser: Papa.Parser | undefined;
  const records = (data: string[][], upTo = data.length): CsvRecord[] => {
    const out: CsvRecord[] = new Array(upTo);
    for (let r = 0; r < upTo; r++) {
      const fields = data[r]!;
      let breaks = 0;
      let chars = 0;
      for (let i = 0; i < fields.length; i++) {
        breaks += lineBreaks(fields[i]!);
        chars += fields[i]!.length;
      }
      if (chars > maxRecordChars) throw tooLong(nextLine, maxRecordChars);
      out[r] = { fields, line: nextLine };
      nextLine += breaks + 1;
    }
    return out;
  };
  const start = (newline: RecordDelimiter) => new Papa.Parser({ delimiter: ",", quoteChar: '"', escapeChar: '"', newline });

  for await (const chunk of text) {
    const input = carry + chunk;
    if (!parser) {
      const newline = recordDelimiterOf(input);
      if (!newline) {
        carry = input;
        if (carry.length > maxRecordChars) throw tooLong(nextLine, maxRecordChars);
        continue;
      }
      parser = start(newline);
    }
    const result = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
    carry = input.slice(result.meta.cursor);
    // a complete record with text after a closing quote (the carried one is looked at again with the next chunk)
    const bad = result.errors.find((e) => e.code === "InvalidQuotes" && (e.row ?? 0) < result.data.length);
    if (bad) {
      const before = records(result.data, bad.row ?? 0);
      if (before.length) yield before;
      throw textAfterClosingQuote(nextLine);
    }
    const batch = records(result.data);
    if (carry.length > maxRecordChars) throw tooLong(nextLine, maxRecordChars);
    if (batch.length) yield batch;
  }
  if (!carry) return;
  parser ??= start(carry.endsWith("\r") ? "\r" : "\n");
  const result = parser.parse(carry, 0, false) as Papa.ParseResult<string[]>;
  const bad = result.errors.find((e) => e.code === "InvalidQuotes" || e.code === "MissingQuotes");
  if (bad) {
    const before = records(result.data, bad.row ?? 0);
    if (before.length) yield before;
    throw bad.code === "MissingQuotes" ? unclosedQuote(nextLine) : textAfterClosingQuote(nextLine);
  }
  const batch = records(result.data);
  if (batch.length) yield batch;
}
