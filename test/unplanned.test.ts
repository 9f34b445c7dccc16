import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { testUscc } from "./support/fixtures.js";
import { TestFederation } from "./support/federation.js";

/** SCENARIOS §6: an inspection of a subject no plan drew is recorded, flagged 未列入抽查计划, and counted. */
describe("unplanned inspections", () => {
  let f: TestFederation;
  let matterId: string;
  const code = (res: any) => res.errors?.[0]?.extensions?.code;
  const RECORD = `mutation($i: UnplannedInspectionInput!) { recordUnplannedInspection(input: $i) {
    id status draw { id } unplanned { reason referenceNumber flagged legalBasis } } }`;
  const record = async (fields: Record<string, unknown>, headers?: Record<string, string>) =>
    f.gqlRaw<any>(
      RECORD,
      {
        i: {
          uscc: testUscc(3),
          department: "market",
          matterIds: [matterId],
          inspectorIds: ["1", "2"],
          legalBasis: "《市场监督管理投诉举报处理暂行办法》第三十一条",
          reason: "COMPLAINT",
          referenceNumber: "12315-2027-0042",
          ...fields,
        },
      },
      headers ?? (await f.inspector("market", "1")),
    );

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "ecology", name: "生态环境局" },
    ]);
    [matterId] = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-9" }], subjects: [1, 4], inspectors: [1, 2, 3] },
      await f.admin("market"),
    );
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("refuses what it cannot check, changing nothing", async () => {
    expect(code(await record({ legalBasis: " " }))).toBe("REQUIRED_FIELD");
    expect(code(await record({ inspectorIds: ["1"] }))).toBe("TOO_FEW_INSPECTORS");
    expect(code(await record({ inspectorIds: ["1", "99"] }))).toBe("NOT_FOUND");
    expect(code(await record({ uscc: "91510000MA0000000X" }))).toBe("INVALID_USCC");
    expect(code(await record({}, await f.inspector("market", "3")))).toBe("FORBIDDEN");
    expect(code(await record({}, await f.admin("ecology")))).toBe("FORBIDDEN");
    expect((await f.gql<any>("{ unplannedInspections { totalCount } }")).unplannedInspections.totalCount).toBe(0);
  });

  it("records a complaint with its number unflagged, a targeted check flagged, both with the visit's whole life", async () => {
    const complaint = await record({});
    expect(complaint.errors).toBeUndefined();
    expect(complaint.data.recordUnplannedInspection).toMatchObject({
      status: "SCHEDULED",
      draw: null,
      unplanned: { reason: "COMPLAINT", referenceNumber: "12315-2027-0042", flagged: false },
    });
    const targeted = await record({ reason: "TARGETED", referenceNumber: null }, await f.admin("market"));
    expect(targeted.data.recordUnplannedInspection.unplanned).toMatchObject({ reason: "TARGETED", flagged: true });
    const noNumber = await record({ reason: "COMPLAINT", referenceNumber: "" });
    expect(noNumber.data.recordUnplannedInspection.unplanned.flagged).toBe(true);

    // the same life as a drawn visit: start, finding, end, handling
    const id = targeted.data.recordUnplannedInspection.id;
    const me = await f.inspector("market", "1");
    const started = await f.gqlRaw<any>(
      "mutation($i: StartVisitInput!) { startVisit(input: $i) { status } }",
      { i: { visitId: id, present: ["market:1", "market:2"], certificatesShown: true, noticeNumber: "安市监检通〔2027〕77号" } },
      me,
    );
    expect(started.data.startVisit.status).toBe("IN_PROGRESS");
    await f.gql(
      "mutation($i: FindingInput!) { recordFinding(input: $i) { id } }",
      { i: { visitId: id, department: "market", matterId, result: "CORRECTED_ON_ORDER", description: "未公示许可证" } },
      me,
    );
    expect((await f.gql<any>("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: id }, me)).endVisit.status).toBe("INSPECTED");
    const v = await f.gql<any>(
      "query($v: ID!) { visit(id: $v) { reports { department status } verification { ok } history { action } } }",
      {
        v: id,
      },
    );
    expect(v.visit).toMatchObject({ reports: [{ department: "market", status: "DRAFT" }], verification: { ok: true } });
    expect(v.visit.history.map((h: any) => h.action)).toEqual(["CREATED", "STARTED", "FINDING_RECORDED", "INSPECTED"]);
    // not public, and listed for the inspector among their own visits
    expect((await f.gqlRaw<any>("query($v: ID!) { visit(id: $v) { id } }", { v: id }, {})).data.visit).toBeNull();
    const mine = await f.gql<any>(
      '{ inspector(department: "market", id: "2") { visits { totalCount } } }',
      {},
      await f.inspector("market", "2"),
    );
    expect(mine.inspector.visits.totalCount).toBe(3);
  });

  it("is listed and counted per department and inspector for auditors and the coordinator", async () => {
    const list = await f.gql<any>(
      "{ unplannedInspections(flaggedOnly: true) { totalCount nodes { unplanned { reason } } } }",
      {},
      await f.auditor(),
    );
    expect(list.unplannedInspections.totalCount).toBe(2);
    const counts = (await f.gql<any>("{ unplannedInspectionCounts { department inspector total flagged } }")).unplannedInspectionCounts;
    expect(counts).toEqual([
      { department: "market", inspector: null, total: 3, flagged: 2 },
      { department: "market", inspector: "market:1", total: 3, flagged: 2 },
      { department: "market", inspector: "market:2", total: 3, flagged: 2 },
    ]);
    expect(code(await f.gqlRaw("{ unplannedInspectionCounts { total } }", {}, await f.admin("market")))).toBe("FORBIDDEN");
  });
});
