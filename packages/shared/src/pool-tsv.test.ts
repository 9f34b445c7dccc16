import { describe, expect, it } from "vitest";
import {
  CandidateTsvReader,
  candidateFields,
  candidateTsvLine,
  emptyCandidateView,
  escapeTsvField,
  unescapeTsvField,
  viewOfLine,
  type CandidateFields,
} from "./pool-tsv.js";

const rows = [
  {
    uscc: "91510100MA6CXXXX1A",
    name: "成都某某餐饮有限公司",
    region: "510100",
    category: "餐饮",
    supervisionTypes: '["食品经营"]',
    riskClass: "C",
    abnormalList: false,
    dishonest: true,
    seriousViolation: false,
    keySectors: "[]",
  },
  {
    uscc: "91510100MA6CYYYY2B",
    // every character that must be escaped, and a backslash before a letter that is an escape's
    name: "名\t称\n换行\r\\t反斜杠\\",
    region: "510100",
    category: "a\tb",
    supervisionTypes: '["x\\\\y","食品"]',
    riskClass: "A",
    abnormalList: true,
    dishonest: false,
    seriousViolation: true,
    keySectors: '["危化品"]',
  },
  {
    uscc: "91510100MA6CZZZZ3C",
    name: null,
    region: "510100",
    category: "",
    supervisionTypes: "[]",
    riskClass: "E",
    abnormalList: false,
    dishonest: false,
    seriousViolation: false,
    keySectors: "[ ]",
  },
];

const expected = rows.map((r) => ({
  uscc: r.uscc,
  name: r.name ?? "",
  supervisionTypes: r.supervisionTypes,
  riskClass: r.riskClass,
  abnormalList: r.abnormalList,
  dishonest: r.dishonest,
  seriousViolation: r.seriousViolation,
  keySector: (JSON.parse(r.keySectors) as unknown[]).length > 0,
}));

function read(chunks: Buffer[]): CandidateFields[] {
  const out: CandidateFields[] = [];
  const reader = new CandidateTsvReader((v) => out.push(candidateFields(v)));
  for (const c of chunks) reader.push(c);
  reader.end();
  return out;
}

describe("the candidate pool's TAB-separated lines", () => {
  const text = rows.map(candidateTsvLine).join("\n") + "\n";
  const bytes = Buffer.from(text, "utf8");

  it("escape TAB, LF, CR and backslash so that a value cannot break a line", () => {
    expect(text.split("\n")).toHaveLength(rows.length + 1);
    for (const line of text.trimEnd().split("\n")) expect(line.split("\t")).toHaveLength(10);
    for (const s of ["", "plain", "名\t称\n\r\\t\\\\", "\\n"]) expect(unescapeTsvField(escapeTsvField(s))).toBe(s);
  });

  it("read back every field, however the stream is cut into chunks (inside a UTF-8 character too)", () => {
    expect(read([bytes])).toEqual(expected);
    for (let cut = 1; cut < bytes.length; cut++) expect(read([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(expected);
    expect(read([...bytes].map((b) => Buffer.from([b])))).toEqual(expected);
  });

  it("read PostgreSQL COPY's escapes of a backspace, form feed and vertical tab as the characters", () => {
    const row = { ...rows[0]!, name: "退格\b换页\f纵表\v", category: "\v" };
    const raw = candidateTsvLine(row) + "\n";
    const copy = raw.replace(/[\b\f\v]/g, (c) => ({ "\b": "\\b", "\f": "\\f", "\v": "\\v" })[c]!);
    expect(copy).not.toBe(raw);
    expect(read([Buffer.from(copy)])).toEqual(read([Buffer.from(raw)]));
    expect(read([Buffer.from(copy)])[0]).toMatchObject({ name: row.name });
    expect(unescapeTsvField("\\b\\\\f")).toBe("\b\\f");
  });

  it("read a last line without its LF", () => {
    expect(read([bytes.subarray(0, bytes.length - 1)])).toEqual(expected);
  });

  it("refuse a line with missing or extra fields, a bad flag or a bad escape", () => {
    expect(() => read([Buffer.from("a\tb\tc\n")])).toThrow(/3 fields/);
    expect(() => read([Buffer.from(text.replace("\t[]\n", "\t[]\textra\n"))])).toThrow(/fields/);
    expect(() => read([Buffer.from(candidateTsvLine(rows[0]!).replace("\tC\t0\t", "\tC\tyes\t"))])).toThrow(/flag/);
    expect(() => read([Buffer.from(candidateTsvLine(rows[0]!).replace("成都", "成\\x都"))])).toThrow(/escape/);
  });

  it("give the id's UTF-8 bytes, unescaped, the same bytes as an NDJSON line's view, and the id and name as read", () => {
    const ids = ["91510100MA6CXXXX1A", "a\\tb\\", "成都\t某", "Z😀", ""];
    const lines = ids.map((uscc) => ({ ...rows[0]!, uscc, name: `名\\${uscc}` }));
    const seen: { bytes: string; uscc: string; name: string }[] = [];
    const reader = new CandidateTsvReader((v) =>
      seen.push({ bytes: Buffer.from(v.idBytes.subarray(v.idStart, v.idEnd)).toString("hex"), uscc: v.uscc, name: v.name }),
    );
    reader.push(Buffer.from(lines.map((l) => candidateTsvLine(l) + "\n").join(""), "utf8"));
    reader.end();
    expect(seen).toEqual(lines.map((l) => ({ bytes: Buffer.from(l.uscc, "utf8").toString("hex"), uscc: l.uscc, name: l.name })));
    for (const l of lines) {
      const v = viewOfLine(
        { ...l, supervisionTypes: ["食品经营"], keySectors: [] } as unknown as Parameters<typeof viewOfLine>[0],
        emptyCandidateView(),
      );
      expect(Buffer.from(v.idBytes.subarray(v.idStart, v.idEnd)).toString("utf8")).toBe(l.uscc);
    }
  });

  it("decode the id and the name of a line only if they are read, once, and never let a later line's show through", () => {
    const names: string[] = [];
    const reader = new CandidateTsvReader((v) => {
      // read twice on even lines, never on odd ones
      if (v.uscc.endsWith("0")) names.push(v.name, v.name);
    });
    const line = (i: number) => candidateTsvLine({ ...rows[0]!, uscc: `U${i}${i % 2}`, name: `名称${i}` }) + "\n";
    reader.push(Buffer.from([0, 1, 2, 3, 4].map(line).join(""), "utf8"));
    reader.end();
    expect(names).toEqual(["名称0", "名称0", "名称2", "名称2", "名称4", "名称4"]);
  });
});
