// Size: over 300 lines: the cases share one federation and one set of books (starting a federation costs seconds per file).
import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkingCalendar, chinaDateOf } from "@ssj/working-days";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";

/** SCENARIOS §4 through the gateway: a joint visit of 市场监管局 and 应急管理局 from the door-knock to the published result. */
describe("the inspection of a joint visit", () => {
  let f: TestFederation;
  let visit: any;
  const team: Record<string, string[]> = {};
  const matter: Record<string, string> = {};
  const as = {
    market: () => f.inspector("market", team.market![0]!),
    emergency: () => f.inspector("emergency", team.emergency![0]!),
    marketReviewer: () => f.as({ sub: "reviewer.market", role: "department_reviewer", department: "market" }),
  };
  const code = (res: any) => res.errors?.[0]?.extensions?.code;
  const VISIT = `query($v: ID!) { visit(id: $v) { id status onSite { present noticeNumber outcome endDate }
    findings { department result description } reports { department status dueDate publishDueDate dueProvisional evaluation returnReason late }
    verification { ok chainValid dataMatches } history { action actor } } }`;
  const read = async (headers?: Record<string, string>) =>
    (await f.gql<any>(VISIT, { v: visit.id }, headers ?? (await f.coordinator()))).visit;

  beforeAll(async () => {
    f = await TestFederation.start(
      [
        { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
        { code: "emergency", name: "应急管理局" },
      ],
      { evidenceMaxBytes: 64 * 1024 },
    );
    const m = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 12], inspectors: [1, 2, 3, 4] },
      await f.admin("market"),
    );
    const e = await fillBooks(
      f.gatewayUrl,
      "emergency",
      { matters: [{ code: "YJ-1" }], subjects: [10, 20], inspectors: [21, 22, 23], category: "燃气安全", supervisionType: "燃气使用" },
      await f.admin("emergency"),
    );
    const { createJointPlan } = await f.gql<any>("mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }", {
      i: {
        name: "2027 餐饮服务单位联合抽查",
        leadDepartment: "market",
        cooperatingDepartments: ["emergency"],
        matters: [
          ...m.map((matterId) => ({ department: "market", matterId })),
          ...e.map((matterId) => ({ department: "emergency", matterId })),
        ],
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    const { createDraw } = await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: createJointPlan.id });
    for (const step of ["freezeDraw(drawId: $d)", "executeDraw(drawId: $d)", "publishDraw(drawId: $d)"]) {
      if (step.startsWith("execute"))
        await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { status } }', { d: createDraw.id });
      await f.gql(`mutation($d: ID!) { ${step} { status } }`, { d: createDraw.id });
    }
    const { draw } = await f.gql<any>(
      `query($d: ID!) { draw(id: $d) { visits(first: 100) { nodes { id uscc departments teams { department matters { id } inspectors { id } } } } } }`,
      { d: createDraw.id },
    );
    const joint = draw.visits.nodes.filter((v: any) => v.departments.length === 2);
    expect(joint.length).toBeGreaterThanOrEqual(3);
    visit = joint[0];
    for (const t of visit.teams) {
      team[t.department] = t.inspectors.map((i: any) => i.id);
      matter[t.department] = t.matters[0].id;
    }
    (f as any).others = joint.slice(1);
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  const start = (present: string[], headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
    f.gqlRaw<any>(
      "mutation($i: StartVisitInput!) { startVisit(input: $i) { status onSite { present certificatesShown noticeNumber } } }",
      { i: { visitId: visit.id, present, certificatesShown: true, noticeNumber: "安市监检通〔2027〕12号", ...extra } },
      headers,
    );
  const finding = (department: string, result: string, headers: Record<string, string>, matterId = matter[department]) =>
    f.gqlRaw<any>(
      "mutation($i: FindingInput!) { recordFinding(input: $i) { result department } }",
      {
        i: {
          visitId: visit.id,
          department,
          matterId,
          result,
          description: result === "NO_PROBLEM" ? "食品贮存条件符合要求" : "燃气软管老化，已责令当场更换",
        },
      },
      headers,
    );
  const report = (op: string, department: string, headers: Record<string, string>, args = "") =>
    f.gqlRaw<any>(
      `mutation($v: ID!, $d: String!) { ${op}(visitId: $v, department: $d${args}) { status } }`,
      { v: visit.id, d: department },
      headers,
    );

  it("loads the 2027 schedule, refusing a bad calendar file and changing nothing", async () => {
    const load = (s: unknown) =>
      f.gqlRaw<any>("mutation($s: String!) { loadWorkingCalendar(schedule: $s) { year source } }", { s: JSON.stringify(s) });
    expect(code(await load({ year: 2027, holidays: ["2027/04/05"] }))).toBe("INVALID_DATE_FORMAT");
    expect((await load({ year: 2027, holidays: ["2027-10-09"], workdays: ["2027-10-09"] })).errors[0].message).toMatch(
      /同时被列为节假日和调休上班日/,
    );
    expect((await f.gql<any>("{ workingCalendar(year: 2027) { source } }")).workingCalendar.source).toBe("NONE");
    expect(code(await f.gqlRaw('mutation { loadWorkingCalendar(schedule: "{}") { year } }', {}, await f.admin("market")))).toBe(
      "FORBIDDEN",
    );
    const ok = await load({ year: 2027, holidays: ["2027-04-05"], workdays: ["2027-10-09"] });
    expect(ok.data.loadWorkingCalendar).toEqual({ year: 2027, source: "CONFIGURED" });
  });

  it("refuses a start by the wrong people or without two inspectors of every department present", async () => {
    const both = [`market:${team.market![0]}`, `emergency:${team.emergency![0]}`];
    expect(code(await start(both, await f.inspector("market", "999")))).toBe("FORBIDDEN");
    expect(code(await start([both[0]!], await as.market()))).toBe("TOO_FEW_INSPECTORS");
    expect(code(await start([...both, "market:999"], await as.market()))).toBe("NOT_ON_VISIT");
    if (team.market!.length > 1)
      expect(
        code(
          await start(
            team.market!.map((i) => `market:${i}`),
            await as.market(),
          ),
        ),
      ).toBe("DEPARTMENT_NOT_PRESENT");
    expect(code(await start(both, await as.market(), { certificatesShown: false }))).toBe("CERTIFICATES_NOT_SHOWN");
    expect((await read()).status).toBe("SCHEDULED");
    const ok = await start(both, await as.market());
    expect(ok.errors).toBeUndefined();
    expect(ok.data.startVisit).toMatchObject({ status: "IN_PROGRESS", onSite: { present: both, certificatesShown: true } });
    expect(code(await start(both, await as.market()))).toBe("INVALID_STATE");
  });

  /** A 1×1 PNG: what a phone camera's photo is to the type sniffer. */
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const upload = async (body: Buffer, type: string, headers: Record<string, string>) => {
    const res = await fetch(f.gatewayUrl.replace(/\/graphql$/, `/visits/${visit.id}/evidence?name=photo.png`), {
      method: "POST",
      headers: { ...headers, "content-type": type },
      body,
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("stores evidence by its SHA-256 through the gateway: same bytes same evidence, type checked by content, size limited", async () => {
    const sha = createHash("sha256").update(PNG).digest("hex");
    const first = await upload(PNG, "image/png", await as.market());
    expect(first).toMatchObject({ status: 201, body: { data: { sha256: sha, size: PNG.length, created: true } } });
    const again = await upload(PNG, "image/png", await as.emergency());
    expect(again).toMatchObject({ status: 200, body: { data: { id: first.body.data.id, created: false } } });
    const lie = await upload(PNG, "image/jpeg", await as.market());
    expect(lie.status).toBe(415);
    expect(lie.body.errors[0].extensions.code).toBe("EVIDENCE_TYPE_MISMATCH");
    expect(lie.body.errors[0].message).toMatch(/不符/);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(70 * 1024)]), "image/png", await as.market());
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe("EVIDENCE_TOO_LARGE");
    expect((await upload(PNG, "image/png", await f.admin("health" as string)).catch(() => ({ status: 0 }))).status).toBe(403);
    const v = await f.gql<any>("query($v: ID!) { visit(id: $v) { evidence { sha256 mediaType fileName } history { action } } }", {
      v: visit.id,
    });
    expect(v.visit.evidence).toEqual([{ sha256: sha, mediaType: "image/png", fileName: "photo.png" }]);
    expect(v.visit.history.filter((h: any) => h.action === "EVIDENCE_ADDED")).toHaveLength(1);
    const url = f.gatewayUrl.replace(/\/graphql$/, `/visits/${visit.id}/evidence/${sha}`);
    expect((await fetch(url)).status).toBe(403);
    const download = await fetch(url, { headers: await f.auditor() });
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("takes one finding per matter from that matter's department, and ends only when every matter has one", async () => {
    expect(code(await finding("market", "NO_PROBLEM", await as.emergency()))).toBe("WRONG_DEPARTMENT");
    expect(code(await finding("market", "NO_PROBLEM", await as.market(), "424242"))).toBe("MATTER_NOT_ON_VISIT");
    expect((await finding("market", "NO_PROBLEM", await as.market())).errors).toBeUndefined();
    const early = await f.gqlRaw<any>("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: visit.id }, await as.market());
    expect(code(early)).toBe("FINDINGS_MISSING");
    expect((await finding("emergency", "CORRECTED_ON_ORDER", await as.emergency())).errors).toBeUndefined();
    const end = await f.gqlRaw<any>("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: visit.id }, await as.emergency());
    expect(end.data.endVisit.status).toBe("INSPECTED");
    // Each finding names its matter (code and name) from the plan's snapshot, the names the visit's teams carry.
    const seen = await f.gql<any>(
      "query($v: ID!) { visit(id: $v) { findings { department matter { code name department } } teams { department matters { code name } } } }",
      { v: visit.id },
      await f.coordinator(),
    );
    const expected = seen.visit.teams.flatMap((t: any) =>
      t.matters.map((m: any) => ({ code: m.code, name: m.name, department: t.department })),
    );
    expect(seen.visit.findings.map((x: any) => x.matter)).toEqual(expect.arrayContaining([expect.objectContaining(expected[0])]));
    for (const x of seen.visit.findings) expect(expected).toContainEqual(x.matter);
  });

  it("drafts each department's report, due 3 working days after the end (20 to publish)", async () => {
    const v = await read();
    expect(v.reports.map((r: any) => [r.department, r.status])).toEqual([
      ["emergency", "DRAFT"],
      ["market", "DRAFT"],
    ]);
    const cal = new WorkingCalendar([{ year: 2027, holidays: ["2027-04-05"], workdays: ["2027-10-09"] }]);
    const end = v.onSite.endDate;
    expect(end).toBe(chinaDateOf(new Date()));
    expect(v.reports[0]).toMatchObject({ dueDate: cal.addWorkingDays(end, 3).date, publishDueDate: cal.addWorkingDays(end, 20).date });
    expect(v.reports.find((r: any) => r.department === "emergency").evaluation).toMatch(/发现问题/);
    expect(v.reports.map((r: any) => r.late)).toEqual([false, false]);
  });

  it("shows the public nothing before publication", async () => {
    const results = await f.gql<any>("query($u: String!) { publishedResults(uscc: $u) { totalCount } }", { u: visit.uscc }, {});
    expect(results.publishedResults.totalCount).toBe(0);
    const pub = await read({});
    expect(pub).toMatchObject({ findings: [], reports: [], onSite: null, history: [], verification: null });
  });

  it("reviews and publishes each department's report by another person of that department", async () => {
    expect(code(await report("updateReport", "market", await as.emergency(), ', input: { evaluation: "x" }'))).toBe("WRONG_DEPARTMENT");
    expect(
      (await report("updateReport", "market", await as.market(), ', input: { evaluation: "经营规范，未发现问题。" }')).errors,
    ).toBeUndefined();
    expect((await report("submitReport", "market", await as.market())).data.submitReport.status).toBe("REPORTED");
    expect(code(await report("publishReport", "market", await as.marketReviewer()))).toBe("REPORT_NOT_REVIEWED");
    const self = await f.as({ sub: `inspector.market.${team.market![0]}`, role: "department_reviewer", department: "market" });
    expect(code(await report("reviewReport", "market", self, ", approve: true"))).toBe("OWN_REPORT");
    expect(code(await report("reviewReport", "market", await f.admin("emergency"), ", approve: true"))).toBe("FORBIDDEN");
    expect(code(await report("reviewReport", "market", await as.marketReviewer(), ", approve: false"))).toBe("REQUIRED_FIELD");
    expect((await read()).reports.find((r: any) => r.department === "market").status).toBe("REPORTED");
    expect(
      (await report("reviewReport", "market", await as.marketReviewer(), ', approve: false, reason: "请补充检查步骤"')).data.reviewReport
        .status,
    ).toBe("DRAFT");
    await report("submitReport", "market", await as.market());
    expect((await report("reviewReport", "market", await as.marketReviewer(), ", approve: true")).data.reviewReport.status).toBe(
      "REVIEWED",
    );
    expect((await report("publishReport", "market", await as.marketReviewer())).data.publishReport.status).toBe("PUBLISHED");
    expect((await read()).status).toBe("INSPECTED"); // emergency's report is still a draft
  });

  it("shows the public the published department's result only", async () => {
    const q = `query($u: String!) { publishedResults(uscc: $u) { totalCount nodes { department summary late results { code label result } } } }`;
    const { publishedResults } = await f.gql<any>(q, { u: visit.uscc }, {});
    expect(publishedResults.nodes).toEqual([
      {
        department: "market",
        summary: "经营规范，未发现问题。",
        late: false,
        results: [{ code: "01", label: "未发现问题", result: "NO_PROBLEM" }],
      },
    ]);
    expect((await read({})).findings).toEqual([{ department: "market", result: "NO_PROBLEM", description: "食品贮存条件符合要求" }]);
    const pdf = (department: string, headers: Record<string, string> = {}) =>
      fetch(f.gatewayUrl.replace(/\/graphql$/, `/visits/${visit.id}/report/${department}.pdf`), { headers });
    const printed = await pdf("market");
    expect(printed.status).toBe(200);
    expect(printed.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await printed.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // the embedded CJK font maps its glyphs back to the report's Chinese text (抽 U+62BD, 查 U+67E5)
    const streams = [...bytes.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
      try {
        return inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
      } catch {
        return "";
      }
    });
    const cmap = streams.find((t) => t.includes("beginbfchar") || t.includes("beginbfrange")) ?? "";
    expect(cmap.toLowerCase()).toContain("62bd");
    expect(cmap.toLowerCase()).toContain("67e5");
    expect((await pdf("emergency")).status).toBe(403);
    expect((await (await pdf("emergency", await f.coordinator())).json()).errors[0].extensions.code).toBe("REPORT_NOT_REVIEWED");
    await report("submitReport", "emergency", await as.emergency());
    await report("reviewReport", "emergency", await f.admin("emergency"), ", approve: true");
    await report("publishReport", "emergency", await f.admin("emergency"));
    const v = await read();
    expect(v.status).toBe("PUBLISHED");
    expect((await f.gql<any>(q, { u: visit.uscc }, {})).publishedResults.totalCount).toBe(2);
    const subject = await f.gql<any>(
      "query($u: String!) { subject(uscc: $u) { visits { nodes { id status } } } }",
      { u: visit.uscc },
      await f.coordinator(),
    );
    expect(subject.subject.visits.nodes).toContainEqual({ id: visit.id, status: "PUBLISHED" });
  });

  it("keeps every step on the visit's chain, and detects a tampered finding row", async () => {
    const v = await read();
    expect(v.history.map((h: any) => h.action)).toEqual(
      expect.arrayContaining([
        "STARTED",
        "FINDING_RECORDED",
        "INSPECTED",
        "REPORT_SUBMITTED",
        "REPORT_RETURNED",
        "REPORT_REVIEWED",
        "REPORT_PUBLISHED",
      ]),
    );
    expect(v.verification).toEqual({ ok: true, chainValid: true, dataMatches: true });
    await f.county.orm.em
      .getConnection()
      .execute(`update finding set result = 'NO_PROBLEM' where visit_id = ${Number(visit.id)} and department = 'emergency'`);
    expect((await read()).verification).toEqual({ ok: false, chainValid: true, dataMatches: false });
  });

  it("closes an unreachable visit with that result for every matter, and cancels only with a second person's approval", async () => {
    const [unreachable, cancelled] = (f as any).others;
    const inspector = await f.inspector("market", unreachable.teams.find((t: any) => t.department === "market").inspectors[0].id);
    const r = await f.gqlRaw<any>(
      'mutation($v: ID!) { recordVisitOutcome(visitId: $v, outcome: UNREACHABLE, note: "登记住所已无此店，电话无人接听") { status findings { result } reports { status } } }',
      { v: unreachable.id },
      inspector,
    );
    expect(r.data.recordVisitOutcome.status).toBe("UNREACHABLE");
    expect(r.data.recordVisitOutcome.findings.map((x: any) => x.result)).toEqual(["UNREACHABLE", "UNREACHABLE"]);
    expect(r.data.recordVisitOutcome.reports).toHaveLength(2);
    // a report whose due date has passed, still unsubmitted, shows late (red on the dashboard)
    await f.county.orm.em
      .getConnection()
      .execute(`update inspection_report set due_date = '2020-01-06' where visit_id = ${Number(unreachable.id)}`);
    const due = await f.gql<any>("query($v: ID!) { visit(id: $v) { reports { late status } } }", { v: unreachable.id });
    expect(due.visit.reports).toEqual([
      { late: true, status: "DRAFT" },
      { late: true, status: "DRAFT" },
    ]);
    const ask = await f.gqlRaw<any>(
      'mutation($v: ID!) { requestVisitCancellation(visitId: $v, reason: "主体已注销，无需检查") { status } }',
      { v: cancelled.id },
      await f.admin("market"),
    );
    expect(ask.data.requestVisitCancellation.status).toBe("SCHEDULED");
    const same = await f.gqlRaw<any>(
      "mutation($v: ID!) { approveVisitCancellation(visitId: $v) { status } }",
      { v: cancelled.id },
      await f.admin("market"),
    );
    expect(code(same)).toBe("SAME_PERSON");
    const ok = await f.gqlRaw<any>(
      "mutation($v: ID!) { approveVisitCancellation(visitId: $v) { status } }",
      { v: cancelled.id },
      await f.coordinator(),
    );
    expect(ok.data.approveVisitCancellation.status).toBe("CANCELLED");
  });
});
