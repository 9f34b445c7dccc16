import { describe, expect, it } from "vitest";
import { CandidateTsvReader, candidateTsvLine, escapeTsvField, unescapeTsvField, type CandidateView } from "./pool-tsv.js";

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

function read(chunks: Buffer[]): CandidateView[] {
  const out: CandidateView[] = [];
  const reader = new CandidateTsvReader((v) => out.push({ ...v }));
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

  it("read a last line without its LF", () => {
    expect(read([bytes.subarray(0, bytes.length - 1)])).toEqual(expected);
  });

  it("refuse a line with missing or extra fields, a bad flag or a bad escape", () => {
    expect(() => read([Buffer.from("a\tb\tc\n")])).toThrow(/3 fields/);
    expect(() => read([Buffer.from(text.replace("\t[]\n", "\t[]\textra\n"))])).toThrow(/fields/);
    expect(() => read([Buffer.from(candidateTsvLine(rows[0]!).replace("\tC\t0\t", "\tC\tyes\t"))])).toThrow(/flag/);
    expect(() => read([Buffer.from(candidateTsvLine(rows[0]!).replace("成都", "成\\x都"))])).toThrow(/escape/);
  });
});
