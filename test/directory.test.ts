import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvFile, csvLine } from "./support/csv.js";
import { TestFederation } from "./support/federation.js";
import { inspectorInput, matterInput, subjectInput, testUscc } from "./support/fixtures.js";

/** The 一单两库 of one department, driven through the gateway. */
describe("a department keeps its books", () => {
  let f: TestFederation;

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "health", name: "卫生健康局" },
    ]);
  });
  afterAll(async () => {
    await f?.stop();
  });

  const subjectCount = async (department = "market") =>
    (
      await f.gql<{ department: { subjects: { totalCount: number } } }>(
        `query($d: String!) { department(code: $d) { subjects { totalCount } } }`,
        { d: department },
      )
    ).department.subjects.totalCount;

  describe("matters are versioned", () => {
    it("keeps every version readable and says which is in force", async () => {
      const v1 = await f.gql<{ createMatter: { id: string; version: number; status: string } }>(
        'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id version status } }',
        { i: matterInput("SC-100", { effectiveFrom: "2027-01-01" }) },
      );
      expect(v1.createMatter).toMatchObject({ version: 1, status: "DRAFT" });
      await f.gql('mutation { publishMatter(department: "market", code: "SC-100") { status } }');
      const v2 = await f.gql<{ reviseMatter: any }>(
        'mutation { reviseMatter(department: "market", code: "SC-100", input: { defaultRatio: 0.1, reason: "提高抽查比例", effectiveFrom: "2027-04-01" }) { id version status defaultRatio effectiveFrom versions { id version status effectiveFrom effectiveTo defaultRatio } } }',
      );
      expect(v2.reviseMatter).toMatchObject({ version: 2, status: "PUBLISHED", defaultRatio: 0.1, effectiveFrom: "2027-04-01" });
      expect(v2.reviseMatter.versions).toEqual([
        {
          id: v1.createMatter.id,
          version: 1,
          status: "SUPERSEDED",
          effectiveFrom: "2027-01-01",
          effectiveTo: "2027-04-01",
          defaultRatio: 0.05,
        },
        { id: v2.reviseMatter.id, version: 2, status: "PUBLISHED", effectiveFrom: "2027-04-01", effectiveTo: null, defaultRatio: 0.1 },
      ]);
      const old = await f.gql<{ matter: any }>(
        'query($id: ID!) { matter(department: "market", id: $id) { version defaultRatio legalBasis } }',
        { id: v1.createMatter.id },
      );
      expect(old.matter).toMatchObject({ version: 1, defaultRatio: 0.05 });
      const list = await f.gql<{ department: any }>(
        '{ department(code: "market") { publishedMatterCount matters { totalCount nodes { code version } } } }',
      );
      expect(list.department.publishedMatterCount).toBe(1);
      expect(list.department.matters.nodes).toEqual([{ code: "SC-100", version: 2 }]);
      const withdrawn = await f.gql<{ withdrawMatter: any }>(
        'mutation { withdrawMatter(department: "market", code: "SC-100", reason: "法规废止") { version status } }',
      );
      expect(withdrawn.withdrawMatter).toEqual({ version: 2, status: "WITHDRAWN" });
    });

    it.each([
      [{ defaultRatio: 0 }, "INVALID_RATIO"],
      [{ defaultRatio: 1.5 }, "INVALID_RATIO"],
      [{ name: "  " }, "REQUIRED_FIELD"],
      [{ yearlyFrequency: 0 }, "BAD_USER_INPUT"],
    ])("refuses a matter with %o (%s) and writes nothing", async (bad, code) => {
      const res = await f.gqlRaw('mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }', {
        i: matterInput("SC-BAD", bad),
      });
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      const after = await f.gql<{ department: any }>('{ department(code: "market") { matters { nodes { code } } } }');
      expect(after.department.matters.nodes.map((m: any) => m.code)).not.toContain("SC-BAD");
    });
  });

  describe("the subject directory", () => {
    it("validates the USCC check digit and changes nothing on error", async () => {
      const before = await subjectCount();
      const good = testUscc(500);
      const wrong = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
      const res = await f.gqlRaw('mutation($i: SubjectInput!) { addSubject(department: "market", input: $i) { uscc } }', {
        i: subjectInput(500, { uscc: wrong }),
      });
      expect(res.errors?.[0]?.extensions?.code).toBe("INVALID_USCC");
      expect(res.errors?.[0]?.message).toContain("校验码");
      expect(await subjectCount()).toBe(before);
    });

    it("updates and removes softly, keeping history, and filters", async () => {
      await f.gql('mutation($i: SubjectInput!) { addSubject(department: "market", input: $i) { uscc } }', {
        i: subjectInput(501, { riskClass: "A" }),
      });
      await f.gql('mutation($i: SubjectInput!) { addSubject(department: "market", input: $i) { uscc } }', {
        i: subjectInput(502, { riskClass: "D", abnormalList: true, region: "512022100", category: "住宿" }),
      });
      await f.gql(
        'mutation($u: String!) { updateSubject(department: "market", uscc: $u, input: { riskClass: C }, reason: "年度评定") { riskClass } }',
        { u: testUscc(501) },
      );
      const removed = await f.gql<{ removeSubject: any }>(
        'mutation($u: String!) { removeSubject(department: "market", uscc: $u, reason: "注销") { removedAt history { action reason } } }',
        {
          u: testUscc(501),
        },
      );
      expect(removed.removeSubject.removedAt).toBeTruthy();
      expect(removed.removeSubject.history.map((h: any) => h.action)).toEqual(["CREATED", "UPDATED", "REMOVED"]);
      const q = async (filter: object) =>
        (
          await f.gql<{ department: any }>(
            'query($f: SubjectFilter) { department(code: "market") { subjects(filter: $f) { nodes { uscc } } } }',
            { f: filter },
          )
        ).department.subjects.nodes.map((n: any) => n.uscc);
      expect(await q({ abnormalList: true })).toEqual([testUscc(502)]);
      expect(await q({ region: "512022" })).toEqual([testUscc(502)]);
      expect(await q({ riskClasses: ["C", "D"], category: "住宿" })).toEqual([testUscc(502)]);
      expect(await q({ supervisionType: "食品经营" })).not.toContain(testUscc(501));
      expect(await q({ includeRemoved: true, riskClasses: ["C"] })).toContain(testUscc(501));
    });

    it("imports a GBK CSV through the gateway, listing bad rows by line (GOOD_ROWS)", async () => {
      const wrongDigit = testUscc(602).slice(0, 17) + (testUscc(602)[17] === "0" ? "1" : "0");
      const file = csvFile(
        [csvLine(601), csvLine(602, { uscc: wrongDigit }), csvLine(603, { name: "" }), csvLine(604), csvLine(601)],
        "GBK",
      );
      const before = await subjectCount();
      const { status, body } = await f.upload("market", file, { mode: "GOOD_ROWS" });
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ encoding: "GBK", rows: 5, created: 2, rejected: 3, committed: true });
      expect(body.data.errors.map((e: any) => [e.line, e.code])).toEqual([
        [3, "INVALID_USCC"],
        [4, "REQUIRED_FIELD"],
        [6, "DUPLICATE"],
      ]);
      expect(await subjectCount()).toBe(before + 2);
      const rec = await f.gql<{ supervisionRecord: any }>(
        'query($u: String!) { supervisionRecord(department: "market", uscc: $u) { name address history { action } } }',
        {
          u: testUscc(604),
        },
      );
      expect(rec.supervisionRecord.name).toBe("安岳县岳阳镇测试餐馆604号");
      expect(rec.supervisionRecord.history).toEqual([{ action: "IMPORTED" }]);
    });

    it("imports nothing in ALL_OR_NOTHING mode when one row is bad", async () => {
      const before = await subjectCount("health");
      const file = csvFile([csvLine(701), csvLine(702), csvLine(703, { riskClass: "E" })]);
      const { body } = await f.upload("health", file, { mode: "ALL_OR_NOTHING" });
      expect(body.data).toMatchObject({ rows: 3, created: 0, rejected: 1, committed: false });
      expect(body.data.errors[0].line).toBe(4);
      expect(await subjectCount("health")).toBe(before);
    });

    it("refuses a CSV with wrong columns, and imports through the GraphQL mutation too", async () => {
      const { status, body } = await f.upload("health", Buffer.from("code,title\n1,2\n"));
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("INVALID_CSV");
      const res = await f.gql<{ importSubjectsCsv: any }>(
        'mutation($csv: String!) { importSubjectsCsv(department: "health", csv: $csv, options: { mode: ALL_OR_NOTHING }) { rows created committed encoding } }',
        { csv: csvFile([csvLine(801), csvLine(802)]).toString("utf8") },
      );
      expect(res.importSubjectsCsv).toEqual({ rows: 2, created: 2, committed: true, encoding: "UTF8" });
    });
  });

  describe("inspectors and experts", () => {
    it("keeps status history; a transferred inspector stays readable", async () => {
      const { addInspector } = await f.gql<{ addInspector: { id: string } }>(
        'mutation($i: InspectorInput!) { addInspector(department: "market", input: $i) { id } }',
        {
          i: inspectorInput(1, { name: "李明" }),
        },
      );
      await f.gql(
        'mutation($id: ID!) { changeInspectorStatus(department: "market", id: $id, status: SUSPENDED, reason: "培训") { status } }',
        { id: addInspector.id },
      );
      await f.gql(
        'mutation($id: ID!) { changeInspectorStatus(department: "market", id: $id, status: ACTIVE, reason: "培训结束") { status } }',
        { id: addInspector.id },
      );
      const moved = await f.gql<{ changeInspectorStatus: any }>(
        'mutation($id: ID!) { changeInspectorStatus(department: "market", id: $id, status: TRANSFERRED, reason: "工作调动", transferredTo: "乐至县市场监督管理局") { name status statusHistory { fromStatus toStatus transferredTo } } }',
        { id: addInspector.id },
      );
      expect(moved.changeInspectorStatus.status).toBe("TRANSFERRED");
      expect(moved.changeInspectorStatus.statusHistory.map((h: any) => h.toStatus)).toEqual([
        "ACTIVE",
        "SUSPENDED",
        "ACTIVE",
        "TRANSFERRED",
      ]);
      const again = await f.gqlRaw(
        'mutation($id: ID!) { changeInspectorStatus(department: "market", id: $id, status: ACTIVE, reason: "x") { status } }',
        { id: addInspector.id },
      );
      expect(again.errors?.[0]?.extensions?.code).toBe("INVALID_STATE");
      const active = await f.gql<{ department: any }>(
        '{ department(code: "market") { inspectors(status: ACTIVE) { totalCount } inspectorCountsByStatus { status count } } }',
      );
      expect(active.department.inspectorCountsByStatus).toContainEqual({ status: "TRANSFERRED", count: 1 });
    });

    it("refuses a duplicate certificate number and declares conflicts", async () => {
      const { addInspector } = await f.gql<{ addInspector: { id: string } }>(
        'mutation($i: InspectorInput!) { addInspector(department: "market", input: $i) { id } }',
        {
          i: inspectorInput(2),
        },
      );
      const dup = await f.gqlRaw('mutation($i: InspectorInput!) { addInspector(department: "market", input: $i) { id } }', {
        i: inspectorInput(2, { name: "另一人" }),
      });
      expect(dup.errors?.[0]?.extensions).toMatchObject({ code: "DUPLICATE", field: "certificateNo" });
      await f.gql(
        'mutation($id: ID!, $u: String!) { declareConflict(department: "market", inspectorId: $id, uscc: $u, reason: "亲属经营") { id } }',
        {
          id: addInspector.id,
          u: testUscc(502),
        },
      );
      const got = await f.gql<{ inspector: any }>(
        'query($id: ID!) { inspector(department: "market", id: $id) { conflicts { uscc reason } } }',
        { id: addInspector.id },
      );
      expect(got.inspector.conflicts).toEqual([{ uscc: testUscc(502), reason: "亲属经营" }]);
      const expert = await f.gql<{ addExpert: any }>(
        'mutation { addExpert(department: "market", input: { name: "张华", organization: "四川省特种设备检验研究院", expertise: ["特种设备"], region: "512000" }) { name department } }',
      );
      expect(expert.addExpert).toEqual({ name: "张华", department: "market" });
    });
  });
});
