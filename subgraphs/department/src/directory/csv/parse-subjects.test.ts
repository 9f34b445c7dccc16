import { describe, expect, it } from "vitest";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import iconv from "iconv-lite";
import { AppError, usccCheckDigit } from "@ssj/shared";
import { parseSubjectCsv, type SubjectCsvRow } from "./parse-subjects.js";

const code = (body17: string) => body17 + usccCheckDigit(body17);
const U1 = code("91512002MA62A1234");
const U2 = code("92512021MA6BY7K0L");
const U3 = code("93512022MA64QR2W8");
const U4 = code("91512071MA6C0000A");

async function* chunks(buf: Buffer, size = 1 << 16): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function parseAll(
  content: string | Buffer,
  opts: Parameters<typeof parseSubjectCsv>[1] = {},
  size?: number,
): Promise<SubjectCsvRow[]> {
  const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const rows: SubjectCsvRow[] = [];
  for await (const r of parseSubjectCsv(chunks(buf, size), opts)) rows.push(r);
  return rows;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a failure");
}

const EN_HEADER =
  "uscc,name,category,address,legalRepresentative,region,supervisionTypes,riskClass,abnormalList,dishonest,seriousViolation,keySectors";
const ZH_HEADER = "统一社会信用代码,名称,行业类别,地址,法定代表人,行政区划代码,监管类型,风险等级,经营异常,失信,严重违法失信,重点领域";

const errors = (rows: SubjectCsvRow[]) => rows.flatMap((r) => ("error" in r ? [{ line: r.line, ...r.error }] : []));
const records = (rows: SubjectCsvRow[]) => rows.flatMap((r) => ("record" in r ? [{ line: r.line, ...r.record }] : []));

describe("parseSubjectCsv", () => {
  it("parses good rows with an English header", async () => {
    const csv = [
      EN_HEADER,
      `${U1},资阳市雁江区恒达机械制造有限公司,机械制造,四川省资阳市雁江区莲花街道建设路12号,王建国,512002001,特种设备使用;工业产品生产,B,否,否,否,安全生产`,
      `${U2.toLowerCase()},安岳县岳阳镇老王火锅店,餐饮服务,四川省资阳市安岳县岳阳镇兴隆街8号,王德明,512021100,食品经营；公共场所|燃气使用,a,是,0,N,FOOD_DRUG、安全生产`,
    ].join("\n");
    const rows = await parseAll(csv);
    expect(rows).toEqual([
      {
        line: 2,
        record: {
          uscc: U1,
          name: "资阳市雁江区恒达机械制造有限公司",
          category: "机械制造",
          address: "四川省资阳市雁江区莲花街道建设路12号",
          legalRepresentative: "王建国",
          region: "512002001",
          supervisionTypes: ["特种设备使用", "工业产品生产"],
          riskClass: "B",
          abnormalList: false,
          dishonest: false,
          seriousViolation: false,
          keySectors: ["SAFETY"],
        },
      },
      {
        line: 3,
        record: {
          uscc: U2,
          name: "安岳县岳阳镇老王火锅店",
          category: "餐饮服务",
          address: "四川省资阳市安岳县岳阳镇兴隆街8号",
          legalRepresentative: "王德明",
          region: "512021100",
          supervisionTypes: ["食品经营", "公共场所", "燃气使用"],
          riskClass: "A",
          abnormalList: true,
          dishonest: false,
          seriousViolation: false,
          keySectors: ["FOOD_DRUG", "SAFETY"],
        },
      },
    ]);
  });

  it("reports bad rows with their line numbers and Chinese reasons", async () => {
    const csv = [
      ZH_HEADER,
      `${U1},恒达机械,机械制造,雁江区建设路12号,王建国,512002001,特种设备使用,B,否,否,否,`, // 2 ok
      ``, // 3 blank, skipped
      `${U1.slice(0, 17)}${U1[17] === "0" ? "1" : "0"},错码公司,机械制造,雁江区,李四,512002,特种设备使用,A,否,否,否,`, // 4 check digit
      `${U3},,养殖,乐至县童家镇,,5120,畜禽养殖,E,也许,否,否,国防`, // 5 many problems
      `${U4},缺字段公司,化工,高新区`, // 6 too few fields
      `${U1},重复的恒达机械,机械制造,雁江区建设路12号,王建国,512002001,特种设备使用,C,否,否,否,`, // 7 duplicate of line 2
      `${U4},资阳高新区精细化工有限公司,化工,高新区南海路1号,张敏,512071,危险化学品,D,否,是,是,环境保护;安全生产`, // 8 ok
    ].join("\r\n");
    const rows = await parseAll(csv);
    expect(records(rows).map((r) => [r.line, r.uscc])).toEqual([
      [2, U1],
      [8, U4],
    ]);
    const errs = errors(rows);
    expect(errs.map((e) => [e.line, e.code])).toEqual([
      [4, "INVALID_USCC"],
      [5, "REQUIRED_FIELD"],
      [6, "INVALID_CSV"],
      [7, "DUPLICATE"],
    ]);
    expect(errs[0]!.reason).toBe(`统一社会信用代码校验码错误，应为 ${U1[17]}`);
    expect(errs[1]!.uscc).toBe(U3);
    expect(errs[1]!.reason.split("；")).toEqual([
      "名称不能为空",
      "法定代表人（负责人）不能为空",
      "行政区划代码应为 6、9 或 12 位数字，收到“5120”",
      "信用风险分类应为 A、B、C 或 D，收到“E”",
      "经营异常名录标记“也许”无法识别，应为 是/否（也可写 Y/N、1/0、TRUE/FALSE）",
      "重点领域“国防”无法识别，应为环境保护、食品药品或安全生产",
    ]);
    expect(errs[2]!.reason).toBe("字段数量不符：应为 12 个，实际为 4 个");
    expect(errs[3]).toEqual({ line: 7, code: "DUPLICATE", reason: "与第 2 行的统一社会信用代码重复", uscc: U1 });
  });

  it("handles quoted fields with commas, quotes and newlines, counting physical lines", async () => {
    const csv = [
      EN_HEADER,
      `${U1},"资阳市雁江区恒达机械制造有限公司","机械制造","四川省资阳市雁江区建设路12号,3栋
2单元
""东门""",王建国,512002001,"特种设备使用;工业产品生产",B,,,,`,
      `${U2},安岳县岳阳镇老王火锅店,餐饮服务,"岳阳镇兴隆街8号\r\n附1号",王德明,512021100,食品经营,A,,,,`,
      `${U3},"坏行",养殖,地址,赵六,512022,畜禽养殖,Q,,,,`,
    ].join("\n");
    const rows = await parseAll(csv, {}, 5);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 7]);
    const [first, second] = records(rows);
    expect(first!.address).toBe('四川省资阳市雁江区建设路12号,3栋\n2单元\n"东门"');
    expect(second!.address).toBe("岳阳镇兴隆街8号\r\n附1号");
    expect(errors(rows)[0]!.line).toBe(7);
  });

  it("accepts Chinese header aliases in any order, case-insensitive English, and missing optional columns", async () => {
    const csv = [
      "风险等级,主体名称,经营类别,住所,负责人,行政区划代码,监管类型,统一社会信用代码",
      `c,乐至县童家镇兴旺养殖专业合作社,养殖,乐至县童家镇新桥村3组,陈兴旺,512022102,畜禽养殖,${U3}`,
    ].join("\n");
    expect(records(await parseAll(csv))).toMatchObject([{ line: 2, uscc: U3, riskClass: "C", abnormalList: false, keySectors: [] }]);
    const en =
      "USCC,Name,CATEGORY,Address,Legal_Representative,region,Supervision Types,riskclass\n" +
      `${U3},合作社,养殖,童家镇,陈兴旺,512022,畜禽养殖,d`;
    expect(records(await parseAll(en))).toMatchObject([{ line: 2, riskClass: "D" }]);
  });

  it("reads a GBK file in AUTO and GBK mode", async () => {
    const csv =
      [ZH_HEADER, `${U2},安岳县岳阳镇老王火锅店,餐饮服务,岳阳镇兴隆街8号,王德明,512021100,食品经营,A,否,否,否,食品药品`].join("\r\n") +
      "\r\n";
    const gbk = iconv.encode(csv, "gbk");
    for (const encoding of ["AUTO", "GBK"] as const) {
      let used = "";
      const rows = await parseAll(gbk, { encoding, onEncoding: (e) => (used = e) }, 3);
      expect(used).toBe("GBK");
      expect(records(rows)).toMatchObject([
        { line: 2, name: "安岳县岳阳镇老王火锅店", legalRepresentative: "王德明", keySectors: ["FOOD_DRUG"] },
      ]);
    }
    const err = await failure(parseAll(gbk, { encoding: "UTF8" }));
    expect(err.code).toBe("INVALID_CSV");
  });

  it("reads a UTF-8 file with a BOM", async () => {
    const csv = "\ufeff" + [ZH_HEADER, `${U2},老王火锅店,餐饮服务,岳阳镇,王德明,512021100,食品经营,A,否,否,否,`].join("\n");
    const rows = await parseAll(Buffer.from(csv, "utf8"), {}, 2);
    expect(records(rows)).toMatchObject([{ line: 2, uscc: U2 }]);
  });

  it("refuses wrong columns before yielding anything", async () => {
    const gen = parseSubjectCsv(chunks(Buffer.from("uscc,name,区域,name,phone\n" + `${U1},x,y,z,w\n`)), {});
    const err = await failure(gen.next());
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("INVALID_CSV");
    expect(err.message).toContain("缺少必需的列：行业类别（category）、地址（address）");
    expect(err.message).toContain("无法识别的列：“区域”（第 3 列）、“phone”（第 5 列）");
    expect(err.message).toContain("列“名称”重复出现（第 2、4 列）");
    expect(err.extensions.unknown).toEqual(["区域", "phone"]);
    expect(err.extensions.missing).toEqual(["category", "address", "legalRepresentative", "region", "supervisionTypes", "riskClass"]);
  });

  it("notices a missing header row", async () => {
    const err = await failure(parseAll(`${U1},恒达机械,机械制造,雁江区,王建国,512002,特种设备使用,B\n`));
    expect(err.code).toBe("INVALID_CSV");
    expect(err.message).toContain("第 1 行应为表头");
  });

  it("refuses an empty file", async () => {
    for (const content of ["", "\n\r\n  \n", "\ufeff"]) {
      const err = await failure(parseAll(content));
      expect(err.code).toBe("INVALID_CSV");
      expect(err.message).toContain("为空");
    }
  });

  it("refuses an unclosed quote, naming the line where it starts", async () => {
    const csv = [EN_HEADER, `${U1},"恒达机械,机械制造,雁江区,王建国,512002,特种设备使用,B,,,,`, `${U2},x,y`].join("\n");
    const err = await failure(parseAll(csv));
    expect(err.code).toBe("INVALID_CSV");
    expect(err.message).toContain("第 2 行开始的引号没有闭合");
  });

  it("tolerates trailing empty fields and stray quotes inside unquoted fields", async () => {
    const csv = [
      EN_HEADER + ",,",
      `${U1},恒达"机械",机械制造,雁江区,王建国,512002,特种设备使用,B,,,,,,`,
      `${U2},老王,餐饮服务,岳阳镇,王德明,512021,食品经营,A,,,,,,,`,
    ].join("\n");
    const rows = await parseAll(csv);
    expect(records(rows)).toMatchObject([{ line: 2, name: '恒达"机械"' }, { line: 3 }]);
  });

  it("stops reading the source when the consumer stops early", async () => {
    let closed = false;
    let produced = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      try {
        yield Buffer.from(EN_HEADER + "\n");
        for (let i = 0; ; i++) {
          produced++;
          const body = "91512002MA" + String(i).padStart(7, "0");
          yield Buffer.from(`${body}${usccCheckDigit(body)},店${i},食品销售,地址,王五,512002,食品经营,A,,,,\n`);
        }
      } finally {
        closed = true;
      }
    }
    let seen = 0;
    for await (const row of parseSubjectCsv(endless(), {})) {
      expect(row).toHaveProperty("record");
      if (++seen === 3) break;
    }
    for (let i = 0; i < 20 && !closed; i++) await new Promise((r) => setImmediate(r));
    expect(closed).toBe(true);
    expect(produced).toBeLessThan(100_000);
  });

  it("streams 200,000 rows", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ssj-csv-"));
    try {
      const file = join(dir, "subjects.csv");
      const out = createWriteStream(file);
      out.write(EN_HEADER + "\n");
      const n = 200_000;
      let batch = "";
      for (let i = 0; i < n; i++) {
        const body = "91512002MA" + i.toString(10).padStart(7, "0");
        const uscc = i === 1234 ? body + (usccCheckDigit(body) === "0" ? "1" : "0") : body + usccCheckDigit(body);
        const name = i === 99_999 ? "" : `恒达商贸${i}`;
        batch += `${uscc},${name},食品销售,"建设路${i}号",王五,512002001,食品销售;广告,${"ABCD"[i % 4]},否,,0,食品药品\n`;
        if (batch.length > 1 << 16) {
          if (!out.write(batch)) await once(out, "drain");
          batch = "";
        }
      }
      out.end(batch);
      await once(out, "finish");

      let good = 0;
      const bad: number[] = [];
      // the live heap, garbage collected first: what the parser holds, not what the collector has yet to free
      // (sampled without a collection, the peak followed the load of the machine: 150.4 MiB once in a full run)
      setFlagsFromString("--expose-gc");
      const gc = runInNewContext("gc") as () => void;
      const live = () => (gc(), process.memoryUsage().heapUsed);
      const heapBefore = live();
      let heapPeak = heapBefore;
      for await (const row of parseSubjectCsv(createReadStream(file), {})) {
        if ("record" in row) good++;
        else bad.push(row.line);
        if ((good & 0x3fff) === 0) heapPeak = Math.max(heapPeak, live());
      }
      expect(good).toBe(n - 2);
      expect(bad).toEqual([1236, 100_001]);
      // the file is ~17 MB; the parser holds one record at a time plus the set of USCCs seen (≈ 20 MiB live;
      // with every record held, 137 MiB)
      expect(heapPeak - heapBefore).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000); // a timeout, not a speed target: the machine may be shared
});
