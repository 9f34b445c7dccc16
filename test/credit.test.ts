import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { uploadCsv } from "./support/csv.js";
import { testUscc } from "./support/fixtures.js";
import { TestFederation } from "./support/federation.js";
import { createPlan, freeze, publish, publishResult } from "./support/visits.js";

/**
 * SCENARIOS §5, the credit feedback, through the gateway: published results in the department's
 * record, risk-class proposals by the versioned rule, applied or rejected in batch by the department's
 * admin, and the next draw's strata following the applied class.
 */
describe("credit feedback from published results", () => {
  let f: TestFederation;
  let matterIds: string[];
  const code = (res: any) => res.errors?.[0]?.extensions?.code;
  const uscc = (n: number) => subjects[n]!;
  const subjects: Record<number, string> = {};

  const drawAll = async (name: string) => {
    const frozen = await freeze(f, await createPlan(f, "market", matterIds, name));
    return publish(f, frozen.id);
  };
  const inspect = (visit: any, result: string) => publishResult(f, visit, result);

  const RECORD = `query($u: String!) { supervisionRecord(department: "market", uscc: $u) { riskClass
    history { action reason actor } inspections { visitId department inspectedOn results { result code label } }
    riskProposals { id direction status ruleVersion reason fromClass toClass decisionReason } } }`;
  const record = async (n: number, headers?: Record<string, string>) =>
    (await f.gql<any>(RECORD, { u: uscc(n) }, headers ?? (await f.admin("market")))).supervisionRecord;
  const proposals = async (status?: string) =>
    (
      await f.gql<any>(
        'query($s: RiskProposalStatus) { riskProposals(department: "market", status: $s, first: 100) { totalCount nodes { id uscc direction status } } }',
        { s: status ?? null },
        await f.admin("market"),
      )
    ).riskProposals;

  let first: any[];
  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    // subjects 1…4 have risk classes B, C, D, A (fillBooks cycles "ABCD"[n % 4])
    matterIds = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 4], inspectors: [1, 2, 3, 4] },
      await f.admin("market"),
    );
    first = await drawAll("2027 第一批食品经营抽查");
    for (const v of first) subjects[{ B: 1, C: 2, D: 3, A: 4 }[v.stratum as "A"]!] = v.uscc;
    expect(Object.keys(subjects)).toHaveLength(4);
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  const visitOf = (visits: any[], n: number) => visits.find((v) => v.uscc === uscc(n));

  it("shows the rule as versioned data", async () => {
    const { riskRules } = await f.gql<any>("{ riskRules { version upOn clean cleanInARowForDown current description } }");
    expect(riskRules.at(-1)).toMatchObject({
      version: "2026-1",
      upOn: ["DISCLOSURE_FALSIFIED", "PENDING_FOLLOW_UP"],
      clean: ["NO_PROBLEM"],
      cleanInARowForDown: 2,
      current: true,
    });
  });

  it("makes a proposal when a result is published, and puts the result in the department's record", async () => {
    await inspect(visitOf(first, 1), "DISCLOSURE_FALSIFIED");
    await inspect(visitOf(first, 2), "NO_PROBLEM");
    await inspect(visitOf(first, 3), "PENDING_FOLLOW_UP");
    const r1 = await record(1);
    expect(r1.inspections).toHaveLength(1);
    expect(r1.inspections[0]).toMatchObject({ department: "market", results: [{ result: "DISCLOSURE_FALSIFIED", code: "03" }] });
    expect(r1.inspections[0].inspectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r1.riskProposals).toMatchObject([{ direction: "UP", status: "PENDING", ruleVersion: "2026-1" }]);
    // one clean result proposes nothing
    expect((await record(2)).riskProposals).toEqual([]);
    const pending = await proposals("PENDING");
    expect(pending.totalCount).toBe(2);
    // the public never sees a record's inspection history or proposals
    const pub = await f.gqlRaw<any>(RECORD, { u: uscc(1) }, {});
    expect(pub.data?.supervisionRecord?.riskProposals ?? null).toBeNull();
  });

  it("lets only the department's admin decide, once", async () => {
    const [up1, up3] = [(await record(1)).riskProposals[0].id, (await record(3)).riskProposals[0].id];
    const apply = (ids: string[], headers: Record<string, string>) =>
      f.gqlRaw<any>("mutation($ids: [ID!]!) { applyRiskProposals(ids: $ids) { id status fromClass toClass } }", { ids }, headers);
    const reject = (ids: string[], reason: string) =>
      f.gqlRaw<any>(
        "mutation($ids: [ID!]!, $r: String!) { rejectRiskProposals(ids: $ids, reason: $r) { id status } }",
        { ids, r: reason },
        headers,
      );
    let headers = await f.admin("market");
    const inspector = await f.inspector("market", first[0].teams[0].inspectors[0].id);
    expect(code(await apply([up1], inspector))).toBe("FORBIDDEN");
    expect(code(await apply([up1], await f.coordinator()))).toBe("FORBIDDEN");
    expect(code(await apply(["99999"], headers))).toBe("NOT_FOUND");
    expect(code(await reject([up3], "  "))).toBe("REQUIRED_FIELD");
    expect((await reject([up3], "已当场整改，暂不调整")).data.rejectRiskProposals).toMatchObject([{ status: "REJECTED" }]);
    // a batch holding a decided proposal changes nothing
    expect(code(await apply([up1, up3], headers))).toBe("RISK_PROPOSAL_DECIDED");
    expect((await record(1)).riskClass).toBe("B");
    const applied = await apply([up1], headers);
    expect(applied.errors).toBeUndefined();
    expect(applied.data.applyRiskProposals).toEqual([{ id: up1, status: "APPLIED", fromClass: "B", toClass: "C" }]);
    const again = await apply([up1], headers);
    expect(code(again)).toBe("RISK_PROPOSAL_DECIDED");
    expect(again.errors[0].message).toMatch(/已处理过/);
    const r1 = await record(1);
    expect(r1.riskClass).toBe("C");
    const change = r1.history.at(-1);
    expect(change.action).toBe("RISK_CLASS");
    expect(change.reason).toMatch(/从 B 调整为 C.*2026-1.*DISCLOSURE_FALSIFIED/);
    expect((await record(3)).riskClass).toBe("D");
    headers = {};
  });

  it("draws the next plan with the applied class, and proposes down after two clean results in a row", async () => {
    const second = await drawAll("2027 第二批食品经营抽查");
    expect(visitOf(second, 1).stratum).toBe("C");
    expect(visitOf(second, 3).stratum).toBe("D");
    await inspect(visitOf(second, 2), "NO_PROBLEM");
    const r2 = await record(2);
    expect(r2.inspections.map((i: any) => i.results[0].code)).toEqual(["01", "01"]);
    expect(r2.riskProposals).toMatchObject([{ direction: "DOWN", status: "PENDING" }]);
    expect(r2.riskProposals[0].reason).toMatch(/连续 2 次/);
  });

  it("exports the published results for the provincial credit platform, paged, to auditors and the coordinator only", async () => {
    const get = async (query: string, headers: Record<string, string>) => {
      const res = await fetch(f.gatewayUrl.replace(/\/graphql$/, `/exports/results${query}`), { headers });
      return {
        status: res.status,
        type: res.headers.get("content-type") ?? "",
        next: res.headers.get("x-next-after"),
        text: await res.text(),
      };
    };
    const auditor = await f.as({ sub: "auditor.li", role: "auditor" });
    const all = await get("?since=2020-01-01", auditor);
    expect(all.text).not.toMatch(/errors/);
    expect(all.status).toBe(200);
    const body = JSON.parse(all.text);
    // four published reports of one matter each (three in the first draw, one in the second)
    expect(body.rows).toHaveLength(4);
    expect(body.next).toBeNull();
    expect(body.rows[0]).toMatchObject({
      uscc: uscc(1),
      department: "market",
      departmentName: "市场监管局",
      resultCode: "03",
      matterCode: "SC-1",
    });
    expect(body.rows[0].resultLabel).toBe("公示信息隐瞒真实情况弄虚作假");
    // paged: two reports a page, the cursor in the body and in a header
    const p1 = await get("?limit=2", await f.coordinator());
    const first = JSON.parse(p1.text);
    expect(first.rows).toHaveLength(2);
    expect(p1.next).toBe(first.next);
    const p2 = JSON.parse((await get(`?limit=2&after=${first.next}`, auditor)).text);
    expect(p2.rows.map((r: any) => r.reportId)).toEqual(body.rows.slice(2).map((r: any) => r.reportId));
    expect(p2.next).toBeNull();
    // CSV by Accept or by ?format=
    const csv = await get("", { ...auditor, accept: "text/csv" });
    expect(csv.type).toMatch(/text\/csv/);
    const lines = csv.text.trim().split("\n");
    expect(lines[0]).toBe(
      "reportId,uscc,department,departmentName,planId,planName,visitId,inspectedOn,publishedAt,publishedLate,matterCode,matterName,resultCode,resultLabel",
    );
    expect(lines).toHaveLength(5);
    expect((await get("?format=csv", auditor)).text).toBe(csv.text);
    // nothing published after tomorrow
    expect(JSON.parse((await get(`?since=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`, auditor)).text).rows).toEqual(
      [],
    );
    // refusals
    expect((await get("", await f.admin("market"))).status).toBe(403);
    expect((await get("", {})).status).toBe(403);
    const bad = await get("?since=yesterday", auditor);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe("INVALID_DATE_FORMAT");
  });

  it("imports the credit platform's flags, changing only those flags, refusing unknown USCCs row by row", async () => {
    const file = (rows: string[]) => Buffer.from(["统一社会信用代码,经营异常名录,失信", ...rows].join("\r\n") + "\r\n", "utf8");
    const before = (await f.gql<any>(FLAGS, { u: uscc(4) }, await f.admin("market"))).supervisionRecord;
    expect(before).toMatchObject({ abnormalList: false, dishonest: false });
    const rows = [`${uscc(4)},是,否`, `${testUscc(99)},是,是`, "91510000ABCDEFGHIJ,是,否", `${uscc(2)},也许,否`];
    const refused = await uploadCsv(f.gatewayUrl, "market", file(rows), {}, await f.admin("market"), "flags");
    expect(refused.status).toBe(200);
    expect(refused.body.data).toMatchObject({ committed: false, rows: 4, rejected: 3 });
    expect(refused.body.data.errors.map((e: any) => e.code)).toEqual(["INVALID_USCC", "BAD_USER_INPUT", "NOT_FOUND"]);
    expect((await f.gql<any>(FLAGS, { u: uscc(4) }, await f.admin("market"))).supervisionRecord).toEqual(before);
    // GOOD_ROWS: the one good row is written, only its flags change
    const done = await uploadCsv(f.gatewayUrl, "market", file(rows), { mode: "GOOD_ROWS" }, await f.admin("market"), "flags");
    expect(done.body.data).toMatchObject({ committed: true, updated: 1, rejected: 3 });
    const after = (await f.gql<any>(FLAGS, { u: uscc(4) }, await f.admin("market"))).supervisionRecord;
    expect(after).toEqual({ ...before, abnormalList: true, history: [...before.history, { action: "FLAGS_IMPORTED" }] });
    // the same file again changes nothing
    const again = await uploadCsv(f.gatewayUrl, "market", file([`${uscc(4)},是,否`]), {}, await f.admin("market"), "flags");
    expect(again.body.data).toMatchObject({ committed: true, updated: 0, unchanged: 1 });
    // a bad header refuses the file; another department's admin is refused
    const header = await uploadCsv(f.gatewayUrl, "market", Buffer.from("名称,失信\r\n某店,是\r\n"), {}, await f.admin("market"), "flags");
    expect(header.body.errors[0].extensions.code).toBe("INVALID_CSV");
    const other = await uploadCsv(
      f.gatewayUrl,
      "market",
      file([`${uscc(4)},否,否`]),
      {},
      await f.as({ sub: "x", role: "department_admin", department: "health" }),
      "flags",
    );
    expect(other.status).toBe(403);
  });
});

const FLAGS = `query($u: String!) { supervisionRecord(department: "market", uscc: $u) { name category riskClass abnormalList dishonest seriousViolation history { action } } }`;
