import { buildCandidate, type DepartmentRisk, type RiskClass } from "@ssj/draw-engine";
import { describe, expect, it } from "vitest";
import { CandidateTsvReader, candidateTsvLine, emptyCandidateView, viewOfLine, type CandidateView } from "@ssj/shared";
import { SubjectTally } from "./subject-tally.js";

/** A line's view holding only the subject's id (what the tally reads of it besides the risk and the kind). */
const viewOf = (uscc: string): CandidateView =>
  viewOfLine(
    {
      uscc,
      region: "512002",
      category: "餐饮服务",
      supervisionTypes: [],
      riskClass: "B",
      abnormalList: false,
      dishonest: false,
      seriousViolation: false,
      keySectors: [],
    },
    emptyCandidateView(),
  );

// A deterministic stream of lines: subjects seen by several departments, with several supervision types.
function lines() {
  const out: { id: string; risk: DepartmentRisk; matters: string[]; types: string[] }[] = [];
  let x = 7;
  const next = (n: number) => (x = (x * 1103515245 + 12345) % 2147483648) % n;
  for (let i = 0; i < 3000; i++) {
    const department = ["market", "health", "ecology"][next(3)]!;
    const types = [["T1"], ["T2"], ["T2", "T1"], ["T3"]][next(4)]!;
    const matters = types.map((t) => `${department}:${t === "T3" ? "9" : "1"}`);
    const flags = { abnormal: next(40) === 0, dishonest: false, seriousViolation: next(90) === 0, keySector: false };
    out.push({ id: `S${next(800)}`, risk: { department, riskClass: "ABCD"[next(4)] as RiskClass, flags }, matters, types });
  }
  return out;
}

describe("the subject tally of a freeze", () => {
  it("gives each subject the stratum, matters and departments buildCandidate gives its risks and matters", () => {
    const tally = new SubjectTally();
    const kinds = new Map<string, ReturnType<SubjectTally["lineKind"]>>();
    const expected = new Map<string, { risks: DepartmentRisk[]; matters: string[]; types: Set<string> }>();
    for (const l of lines()) {
      const key = `${l.risk.department}|${l.types.join(",")}`;
      if (!kinds.has(key)) kinds.set(key, tally.lineKind(l.risk.department, [...new Set(l.matters)], l.types));
      tally.addLine(viewOf(l.id), l.risk, kinds.get(key)!);
      const e = expected.get(l.id) ?? { risks: [], matters: [], types: new Set<string>() };
      e.risks.push(l.risk);
      e.matters.push(...l.matters);
      for (const t of l.types) e.types.add(t);
      expected.set(l.id, e);
    }
    const seen: string[] = [];
    const shared = new Set<string[]>();
    tally.forEach((id, stratum, kind) => {
      const e = expected.get(id)!;
      expect({ subjectId: id, stratum, matters: kind.matters, departments: kind.departments }).toEqual(
        buildCandidate(id, e.risks, e.matters),
      );
      expect(kind.types).toEqual([...e.types].sort());
      shared.add(kind.matters);
      seen.push(id);
    });
    expect(seen).toEqual([...expected.keys()]);
    expect(tally.size).toBe(expected.size);
    expect(tally.has(seen[0]!)).toBe(true);
    expect(tally.has("nobody")).toBe(false);
    // the kinds are shared: far fewer distinct matter lists than subjects
    expect(shared.size).toBeLessThan(100);
  });

  it("visits the same subjects in code point order of their ids with forEachById, and indexOf walks that order", () => {
    const tally = new SubjectTally();
    const kind = tally.lineKind("market", ["market:1"], ["T1"]);
    const risk: DepartmentRisk = { department: "market", riskClass: "B" };
    // USCC-like ids (ASCII of one length: the radix sort) in a scrambled order, some seen twice
    const ids = Array.from({ length: 500 }, (_, i) => `9151${String((i * 7919) % 1000).padStart(14, "0")}`);
    for (const id of [...ids, ...ids.slice(0, 50)]) tally.addLine(viewOf(id), risk, kind);
    const byIndex: [string, number][] = [];
    tally.forEach((id, _s, _k, index) => byIndex.push([id, index]));
    const byId: [string, number][] = [];
    tally.forEachById((id, stratum, _k, index) => {
      expect(stratum).toBe("B");
      byId.push([id, index]);
    });
    expect(byId).toEqual([...byIndex].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    // in order, skipping some (cooled-down subjects), an unknown id and one asked out of order: each found
    const asked = byId.filter((_, k) => k % 7 !== 3);
    asked.splice(100, 0, byId[10]!);
    for (const [id, index] of asked) expect(tally.indexOf(id)).toBe(index);
    expect(tally.indexOf("nobody")).toBe(-1);
    expect(tally.indexOf(byId[0]![0])).toBe(byId[0]![1]);
  });

  it("keys a TSV line, an NDJSON line and an id string alike, and makes the id's string only for a new subject", () => {
    // escaped ids (keyed by the unescaped id's bytes), non-ASCII, astral, one a prefix of another, the empty id
    const ids = ["91510100MA6CXXXX1A", "a\\tb", "a\tb", "成都", "Z😀", "91510100MA6CXXXX1", "", "x\ny"];
    const row = (uscc: string) => ({
      uscc,
      name: `名 ${uscc}`,
      region: "510100",
      category: "",
      supervisionTypes: '["T1"]',
      riskClass: "B",
      abnormalList: false,
      dishonest: false,
      seriousViolation: false,
      keySectors: "[]",
    });
    const risk: DepartmentRisk = { department: "market", riskClass: "B" };
    const tally = new SubjectTally();
    const kind = tally.lineKind("market", ["market:1"], ["T1"]);
    // first as NDJSON lines, then as TSV lines (in reverse order) and as NDJSON lines again: the same indices
    const expected = ids.map((id) => tally.addLine(viewOf(id), risk, kind));
    expect(expected).toEqual(ids.map((_, i) => i));
    const tsv: number[] = [];
    const reader = new CandidateTsvReader((view) => tsv.push(tally.addLine(view, risk, kind)));
    reader.push(
      Buffer.from(
        [...ids]
          .reverse()
          .map((id) => `${candidateTsvLine(row(id))}\n`)
          .join(""),
        "utf8",
      ),
    );
    reader.end();
    expect(tsv).toEqual([...expected].reverse());
    const ndjson = ids.map((id) =>
      tally.addLine(viewOfLine({ ...row(id), supervisionTypes: ["T1"], keySectors: [] } as never, emptyCandidateView()), risk, kind),
    );
    expect(ndjson).toEqual(expected);
    expect(tally.size).toBe(ids.length);
    for (const id of ids) expect(tally.indexOf(id)).toBe(ids.indexOf(id));

    // a view whose id is read only for a subject not seen before
    let reads = 0;
    const view = (id: string): CandidateView => {
      const bytes = Buffer.from(`..${id}..`, "utf8");
      return {
        ...emptyCandidateView(),
        get uscc() {
          reads++;
          return id;
        },
        idBytes: bytes,
        idStart: 2,
        idEnd: bytes.length - 2,
      };
    };
    expect(tally.addLine(view("成都"), risk, kind)).toBe(3);
    expect(reads).toBe(0);
    expect(tally.addLine(view("新的"), risk, kind)).toBe(ids.length);
    expect(reads).toBe(1);
    const seen: string[] = [];
    tally.forEach((id) => seen.push(id));
    expect(seen).toEqual([...ids, "新的"]);
  });

  it("refuses a risk class the engine does not know, as stratumOf does", () => {
    const tally = new SubjectTally();
    const kind = tally.lineKind("market", ["market:1"], ["T1"]);
    expect(() => tally.addLine(viewOf("S1"), { department: "market", riskClass: "E" as RiskClass }, kind)).toThrow(/信用风险分类/);
  });
});
