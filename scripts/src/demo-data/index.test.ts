import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { createHash } from "node:crypto";
import { isValidUscc } from "@ssj/shared";
import type { SubjectRecordInput } from "@ssj/shared";
// test-only import of the department service's CSV parser, to prove the files round-trip
import { parseSubjectCsv } from "../../../subgraphs/department/src/directory/csv/parse-subjects.js";
import { checkSubjectRecord } from "../../../subgraphs/department/src/directory/subject.rules.js";
import {
  DEPARTMENTS,
  DEPARTMENT_CODES,
  DISTRICTS,
  QUALIFICATIONS,
  SUPERVISION_TYPES,
  Rng,
  demoSubjects,
  generateDemo,
  writeSubjectsCsv,
  type DemoDepartmentCode,
} from "./index.js";

async function csvBytes(records: Iterable<SubjectRecordInput>, encoding: "UTF8" | "GBK", bom = false): Promise<Buffer> {
  const out = new PassThrough({ highWaterMark: 1024 }); // small buffer: exercises backpressure
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeSubjectsCsv(records, out, { encoding, bom });
  return Buffer.concat(chunks);
}

function digest(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

describe("demo data", () => {
  const demo = generateDemo({ subjects: 2000 });
  const subjects = [...demo.subjects()];

  it("is deterministic: the same seed gives identical data, another seed different data", async () => {
    const again = generateDemo({ subjects: 2000 });
    const snapshot = (d: typeof demo) => ({
      ...d,
      subjects: [...d.subjects()],
      dirs: DEPARTMENT_CODES.map((c) => [...d.departmentSubjects(c)]),
    });
    expect(digest(snapshot(again))).toBe(digest(snapshot(demo)));
    expect(await csvBytes(again.departmentSubjects("market"), "GBK")).toEqual(await csvBytes(demo.departmentSubjects("market"), "GBK"));
    const other = generateDemo({ seed: "another", subjects: 2000 });
    expect(digest([...other.subjects()])).not.toBe(digest(subjects));
    expect(digest(other.inspectors)).not.toBe(digest(demo.inspectors));
    // a subject depends only on (seed, index): a bigger universe starts with the same subjects
    expect([...demoSubjects({ seed: demo.seed, count: 50 })]).toEqual(subjects.slice(0, 50));
  });

  it("the PRNG is stable across platforms", () => {
    const rng = new Rng("ziyang-demo");
    expect([rng.uint32(), rng.uint32(), rng.uint32()]).toEqual([4211957790, 3401353498, 575861705]);
    expect(new Rng("ziyang-demo").fork("x").uint32()).toBe(3675925986);
    const values = Array.from({ length: 10_000 }, () => rng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 1);
  });

  it("has five city departments", () => {
    expect(demo.departments.map((d) => [d.code, d.kind, d.region, d.level])).toEqual([
      ["market", "MARKET_SUPERVISION", "512000", "CITY"],
      ["ecology", "OTHER", "512000", "CITY"],
      ["emergency", "OTHER", "512000", "CITY"],
      ["health", "OTHER", "512000", "CITY"],
      ["agriculture", "OTHER", "512000", "CITY"],
    ]);
    expect(DEPARTMENTS.map((d) => d.name)).toContain("资阳市卫生健康委员会");
  });

  it("gives every department a valid list of matters", () => {
    const codes = new Set<string>();
    for (const dept of DEPARTMENT_CODES) {
      const matters = demo.matters[dept];
      expect(matters.length).toBeGreaterThanOrEqual(10);
      expect(matters.length).toBeLessThanOrEqual(14);
      for (const m of matters) {
        expect(m.code).toMatch(/^[A-Z]{4}-2027-\d{3}$/);
        expect(codes.has(m.code)).toBe(false);
        codes.add(m.code);
        expect(m.defaultRatio).toBeGreaterThan(0);
        expect(m.defaultRatio).toBeLessThanOrEqual(1);
        expect(Number.isInteger(m.yearlyFrequency) && m.yearlyFrequency >= 1).toBe(true);
        expect(m.legalBasis).toMatch(/《.+》/);
        expect(m.appliesTo.length).toBeGreaterThan(0);
        for (const t of m.appliesTo) expect(SUPERVISION_TYPES[dept]).toContain(t);
        for (const q of m.qualifications) expect(QUALIFICATIONS[dept]).toContain(q);
      }
      expect(matters.some((m) => m.matterClass === "KEY")).toBe(true);
      expect(matters.some((m) => m.matterClass === "GENERAL")).toBe(true);
    }
  });

  it("makes subjects with valid, unique USCCs and valid records", () => {
    const usccs = new Set<string>();
    const towns = new Set(DISTRICTS.flatMap((d) => d.towns.map((t) => t.code)));
    for (const s of subjects) {
      expect(isValidUscc(s.uscc), s.uscc).toBe(true);
      expect(s.uscc.slice(0, 2)).toBe({ enterprise: "91", individual: "92", cooperative: "93" }[s.kind]);
      expect(usccs.has(s.uscc)).toBe(false);
      usccs.add(s.uscc);
      const records = Object.entries(s.departments) as [DemoDepartmentCode, SubjectRecordInput][];
      expect(records.length).toBeGreaterThanOrEqual(1);
      for (const [dept, r] of records) {
        expect(r.uscc).toBe(s.uscc);
        expect(towns.has(r.region)).toBe(true);
        expect(r.address).toMatch(/^四川省资阳市/);
        const checked = checkSubjectRecord(r);
        expect(checked.problems).toEqual([]);
        expect(checked.record).toEqual(r);
        // every supervision type is one some matter of that department applies to
        const applicable = new Set(demo.matters[dept].flatMap((m) => m.appliesTo));
        for (const t of r.supervisionTypes) expect(applicable.has(t), `${dept} ${t}`).toBe(true);
      }
    }
  });

  it("overlaps across departments with a realistic risk distribution", () => {
    const sizes = subjects.map((s) => Object.keys(s.departments).length);
    const multi = sizes.filter((n) => n >= 2).length;
    expect(multi / subjects.length).toBeGreaterThan(0.3);
    expect(sizes.some((n) => n >= 3)).toBe(true);
    for (const dept of DEPARTMENT_CODES) expect([...demo.departmentSubjects(dept)].length).toBeGreaterThan(50);
    const market = [...demo.departmentSubjects("market")];
    expect(market.length / subjects.length).toBeGreaterThan(0.85);
    const share = (c: string) => market.filter((r) => r.riskClass === c).length / market.length;
    expect(share("A")).toBeGreaterThan(0.3);
    expect(share("A")).toBeLessThan(0.5);
    expect(share("D")).toBeGreaterThan(0.03);
    expect(share("D")).toBeLessThan(0.12);
    // the same subject may be classed differently by different departments
    expect(subjects.some((s) => new Set(Object.values(s.departments).map((r) => r.riskClass)).size > 1)).toBe(true);
    expect(market.some((r) => r.name.includes("火锅店"))).toBe(true);
    expect(market.some((r) => r.name.endsWith("有限公司"))).toBe(true);
  });

  it("gives every department 40–70 inspectors with unique certificates covering all qualifications", () => {
    const certificates = new Set<string>();
    for (const dept of DEPARTMENT_CODES) {
      const inspectors = demo.inspectors[dept];
      expect(inspectors.length).toBeGreaterThanOrEqual(40);
      expect(inspectors.length).toBeLessThanOrEqual(70);
      for (const i of inspectors) {
        expect(i.certificateNo).toMatch(/^川执字\d{6}-\d+$/);
        expect(certificates.has(i.certificateNo)).toBe(false);
        certificates.add(i.certificateNo);
        expect(i.phone).toMatch(/^1\d{10}$/);
        expect(i.categories.length).toBeGreaterThan(0);
      }
      const held = new Set(inspectors.flatMap((i) => i.categories));
      for (const m of demo.matters[dept]) for (const q of m.qualifications) expect(held.has(q)).toBe(true);
      const experts = demo.experts[dept];
      expect(experts.length).toBeGreaterThanOrEqual(5);
      expect(experts.length).toBeLessThanOrEqual(10);
    }
  });

  it("writes CSV files that the department import parser reads back identically (UTF-8, UTF-8 with BOM, GBK)", async () => {
    for (const dept of ["market", "health", "agriculture"] as const) {
      const expected = [...demo.departmentSubjects(dept)];
      for (const [encoding, bom] of [
        ["UTF8", false],
        ["UTF8", true],
        ["GBK", false],
      ] as const) {
        const bytes = await csvBytes(demo.departmentSubjects(dept), encoding, bom);
        const rows = [];
        async function* source() {
          for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
        }
        let used = "";
        for await (const row of parseSubjectCsv(source(), { encoding: "AUTO", onEncoding: (e) => (used = e) })) rows.push(row);
        expect(used).toBe(encoding);
        expect(rows.filter((r) => "error" in r)).toEqual([]);
        expect(rows.map((r) => ("record" in r ? r.record : null))).toEqual(expected);
        expect(rows.map((r) => r.line)).toEqual(expected.map((_, i) => i + 2));
      }
    }
  });

  it("streams a large universe without holding it", () => {
    let n = 0;
    let multi = 0;
    const usccs = new Set<string>();
    for (const s of demoSubjects({ seed: "bench", count: 20_000 })) {
      n++;
      usccs.add(s.uscc);
      if (Object.keys(s.departments).length > 1) multi++;
    }
    expect(n).toBe(20_000);
    expect(usccs.size).toBe(20_000);
    expect(multi).toBeGreaterThan(6_000);
  });
});
