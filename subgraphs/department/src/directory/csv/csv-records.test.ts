import { AppError } from "@ssj/shared";
import { describe, expect, it } from "vitest";
import { csvRecords, recordDelimiterOf, type CsvRecord } from "./csv-records.js";

/** The text cut into chunks of `size` characters, as a decoder would hand it over. */
async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(text: string, size = 7, max = 100_000): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords(chunks(text, size), max)) out.push(...batch);
  return out;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a failure");
}

describe("recordDelimiterOf", () => {
  it("takes the first line break outside a quoted field, CRLF before CR", () => {
    expect(recordDelimiterOf("a,b\r\nc")).toBe("\r\n");
    expect(recordDelimiterOf("a,b\nc\r\n")).toBe("\n");
    expect(recordDelimiterOf("a,b\rc")).toBe("\r");
    expect(recordDelimiterOf('"a\r\nb",c\nd')).toBe("\n");
    expect(recordDelimiterOf('"a""\r",c\rd')).toBe("\r");
    expect(recordDelimiterOf('a"b,c\r\n')).toBe("\r\n"); // a quote inside an unquoted field opens nothing
  });

  it("waits when the text does not tell yet", () => {
    expect(recordDelimiterOf("a,b")).toBeUndefined();
    expect(recordDelimiterOf("a,b\r")).toBeUndefined();
    expect(recordDelimiterOf('"a\nb')).toBeUndefined();
  });
});

describe("csvRecords", () => {
  it("reads records across chunk boundaries with the physical line of each", async () => {
    const text = 'h1,h2,h3\r\n1,"x\r\ny, ""z""",3\r\n\r\n2,"",\r\n3,last,row';
    for (const size of [1, 2, 3, 5, 7, 64, 1000]) {
      expect(await read(text, size)).toEqual([
        { fields: ["h1", "h2", "h3"], line: 1 },
        { fields: ["1", 'x\r\ny, "z"', "3"], line: 2 },
        { fields: [""], line: 4 },
        { fields: ["2", "", ""], line: 5 },
        { fields: ["3", "last", "row"], line: 6 },
      ]);
    }
  });

  it("reads files cut by a lone CR", async () => {
    expect(await read("h1,h2\rx,y\r", 3)).toEqual([
      { fields: ["h1", "h2"], line: 1 },
      { fields: ["x", "y"], line: 2 },
    ]);
  });

  it("keeps a line break other than the file's inside its record, counting it as a line", async () => {
    // one record delimiter per file, as csv-parse had it: the row gets too many fields (a row error), no row is lost
    expect(await read("h1,h2\r\nx,y\nz,w\r\nu,v\r\n")).toEqual([
      { fields: ["h1", "h2"], line: 1 },
      { fields: ["x", "y\nz", "w"], line: 2 },
      { fields: ["u", "v"], line: 4 },
    ]);
  });

  it("refuses an unclosed quote at the line where its record starts, after the records before it", async () => {
    const seen: CsvRecord[] = [];
    const err = await failure(
      (async () => {
        for await (const batch of csvRecords(chunks('h1,h2\na,b\n"c,d\ne,f\n', 4), 100_000)) seen.push(...batch);
      })(),
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("INVALID_CSV");
    expect(err.message).toBe("CSV 文件第 3 行开始的引号没有闭合");
    expect(err.extensions).toMatchObject({ line: 3, csvCode: "CSV_QUOTE_NOT_CLOSED" });
    expect(seen.map((r) => r.line)).toEqual([1, 2]);
  });

  it("refuses text after the closing quote of a quoted field instead of swallowing the rows up to the next quote", async () => {
    for (const rest of ["x,y\n", 'x,y\n"q",z\n']) {
      for (const size of [3, 1000]) {
        const err = await failure(read(`h1,h2\na,b\n"阳光"超市,1\n${rest}`, size));
        expect(err.code).toBe("INVALID_CSV");
        expect(err.message).toContain("第 3 行开始的记录中，引号括起的字段在闭合引号之后还有其他字符");
        expect(err.extensions).toMatchObject({ line: 3, csvCode: "CSV_INVALID_CLOSING_QUOTE" });
      }
    }
  });

  it("refuses a record longer than the limit, carried or whole, naming its line", async () => {
    const long = "x".repeat(50);
    for (const size of [8, 1000]) {
      const open = await failure(read(`h1,h2\na,b\nc,"${long}`, size, 30));
      expect(open.message).toBe("CSV 文件第 3 行开始的记录过长（超过 30 个字符），可能是引号没有闭合");
      expect(open.extensions).toMatchObject({ line: 3, csvCode: "CSV_MAX_RECORD_SIZE" });
      const whole = await failure(read(`h1,h2\na,b\nc,${long}\nd,e\n`, size, 30));
      expect(whole.extensions).toMatchObject({ line: 3, csvCode: "CSV_MAX_RECORD_SIZE" });
    }
    expect(await read(`h1,h2\nc,${"x".repeat(28)}\n`, 8, 30)).toHaveLength(2);
  });

  it("reads nothing from an empty text", async () => {
    expect(await read("")).toEqual([]);
  });
});
