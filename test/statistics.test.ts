import { countQueries } from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { CountyBooks } from "./support/statistics-data.js";

const YEAR = 2026;
const code = (res: any) => res.errors?.[0]?.extensions?.code;
const DECLARE = `mutation($d: String!, $y: Int!, $t: Int!) { declareInspectionMatterTotal(department: $d, year: $y, total: $t) {
  year randomMatters declaredTotal declaredBy } }`;
const STATS = `query($y: Int!, $r: String, $d: String, $a: String) { countyStatistics(year: $y, region: $r, department: $d, asOf: $a) {
  year region asOf doorKnocksSaved
  departments { department kind
    matterShare { randomMatters declaredTotal share target met }
    plans { plans completed }
    visitsByStatus { status count } jointVisits
    reports { reports submitted submittedOnTime overdue published publishedInTime }
    problemsByStratum { key findings problems } problemsByMatter { key findings problems }
    workload { inspectors min median max }
    unplanned { total flagged }
    referrals { open closed unanswered overdue overdueRectifications } } } }`;

/**
 * The county's assessment figures (docs/statistics.md) on a data set small enough to count by hand, through the
 * gateway and the real services; then the same query on ten times the data costs the same SQL statements.
 */
describe("assessment figures", () => {
  let f: TestFederation;
  const CODES = ["market", "ecology", "health"];

  beforeAll(async () => {
    // the books are written straight into the databases, past the gateway: its response cache would not know
    f = await TestFederation.start(
      [
        { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION", region: "511702" },
        { code: "ecology", name: "生态环境局", region: "511702" },
        { code: "health", name: "卫生健康局", region: "511703" },
      ],
      { gateway: { responseCacheMs: 0 } },
    );
    const matters = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `SC-${i + 1}` }));
    await fillBooks(f.gatewayUrl, "market", { matters: matters(3), subjects: [1, 2], inspectors: [1, 2] }, await f.admin("market"));
    await fillBooks(f.gatewayUrl, "ecology", { matters: matters(1), subjects: [1, 2], inspectors: [1, 2] }, await f.admin("ecology"));

    const b = new CountyBooks(f.county.orm);
    const p1 = b.plan(["market", "ecology"], "2026-03-01"); // joint: V1, V2 both published → completed
    const p2 = b.plan(["market"], "2026-05-01"); // V3 reported, V4 cancelled → not completed
    b.plan(["market"], "2025-05-01"); // another year: not counted
    await b.flush();
    const joint = (a: string, c: string) => ({ market: [`market:${a}`, `market:${c}`], ecology: ["ecology:1", "ecology:2"] });
    const june = "2026-06-01T02:00:00Z";
    const v1 = b.visit({ plan: p1, stratum: "A", status: "PUBLISHED", inspectors: joint("1", "2"), createdAt: june });
    const v2 = b.visit({ plan: p1, stratum: "FLAGGED", status: "PUBLISHED", inspectors: joint("1", "3"), createdAt: june });
    const v3 = b.visit({ plan: p2, stratum: "B", status: "REPORTED", inspectors: { market: ["market:1", "market:2"] }, createdAt: june });
    b.visit({ plan: p2, stratum: "B", status: "CANCELLED", inspectors: { market: ["market:2", "market:3"] }, createdAt: june });
    const v5 = b.visit({ stratum: "", status: "INSPECTED", inspectors: { market: ["market:1", "market:2"] }, createdAt: june });
    // 2025-12-31 23:59:59 in Beijing: last year; one second later: this year
    const v6 = b.visit({
      plan: p2,
      stratum: "A",
      status: "PUBLISHED",
      inspectors: { market: ["market:1", "market:9"] },
      createdAt: "2025-12-31T15:59:59Z",
    });
    const v7 = b.visit({
      stratum: "",
      status: "SCHEDULED",
      inspectors: { market: ["market:3", "market:4"] },
      createdAt: "2025-12-31T16:00:00Z",
    });
    await b.flush();
    b.finding(v1, "market:11", "NO_PROBLEM");
    const e1 = b.finding(v1, "ecology:21", "CORRECTED_ON_ORDER");
    const m21 = b.finding(v2, "market:11", "PENDING_FOLLOW_UP");
    const m22 = b.finding(v2, "market:12", "DISCLOSURE_FALSIFIED");
    b.finding(v2, "ecology:21", "NO_PROBLEM");
    b.finding(v3, "market:12", "NO_PROBLEM");
    const m3 = b.finding(v3, "market:11", "PENDING_FOLLOW_UP");
    const m5 = b.finding(v5, "market:11", "OTHER");
    const m6 = b.finding(v6, "market:11", "PENDING_FOLLOW_UP");
    // submitted 23:00 Beijing on the due day: on time; 00:30 the day after: late
    b.report(v1, "market", { due: "2026-06-04", submittedAt: "2026-06-04T15:00:00Z", published: true });
    b.report(v2, "market", { due: "2026-06-04", submittedAt: "2026-06-04T16:30:00Z", published: true, publishedLate: true });
    b.report(v3, "market", { due: "2026-06-04" }); // never submitted, past due
    b.report(v5, "market", { due: "2030-01-10" }); // not yet due
    b.report(v6, "market", { due: "2026-01-05", submittedAt: "2026-01-20T02:00:00Z", published: true, publishedLate: true }); // 2025
    b.report(v1, "ecology", { due: "2026-06-04", submittedAt: "2026-06-03T02:00:00Z", published: true });
    b.unplanned(v5, true);
    b.unplanned(v7, false);
    await b.flush();
    // answer deadlines (set on delivery): 06-20 and 06-30 for the two received, 06-10 for the one answered (closed)
    b.handling(m21, { kind: "REFERRAL" as never, referredTo: "ecology", referralState: "RECEIVED" as never, answerDue: "2026-06-20" });
    b.handling(m3, { kind: "REFERRAL" as never, referredTo: "health", referralState: "RECEIVED" as never, answerDue: "2026-06-30" });
    b.handling(m22, { kind: "REFERRAL" as never, referredTo: "health", referralState: "CLOSED" as never, answerDue: "2026-06-10" });
    b.handling(m5, { kind: "ON_SITE" as never, rectificationDeadline: "2026-07-01" });
    b.handling(m6, { kind: "ON_SITE" as never, rectificationDeadline: "2026-02-01" }); // 2025's visit: not counted
    b.handling(e1, { kind: "ON_SITE" as never, rectificationDeadline: "2026-07-01", followUpResult: "已整改" });
    await b.flush();
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("refuses a bad declaration with a code and keeps the last good one", async () => {
    const market = await f.admin("market");
    expect((await f.gql(DECLARE, { d: "market", y: YEAR, t: 4 }, market)).declareInspectionMatterTotal).toMatchObject({
      randomMatters: 3,
      declaredTotal: 4,
      declaredBy: expect.stringContaining("admin.market"),
    });
    expect(code(await f.gqlRaw(DECLARE, { d: "market", y: YEAR, t: 2 }, market))).toBe("MATTER_TOTAL_BELOW_PUBLISHED");
    expect(code(await f.gqlRaw(DECLARE, { d: "market", y: YEAR, t: 0 }, market))).toBe("INVALID_MATTER_TOTAL");
    expect(code(await f.gqlRaw(DECLARE, { d: "market", y: 2014, t: 9 }, market))).toBe("INVALID_YEAR");
    expect(code(await f.gqlRaw(DECLARE, { d: "market", y: YEAR, t: 9 }, await f.admin("ecology")))).toBe("FORBIDDEN");
    expect(code(await f.gqlRaw(DECLARE, { d: "market", y: YEAR, t: 9 }, await f.inspector("market", "1")))).toBe("FORBIDDEN");
    // the coordinator may declare for a department
    expect((await f.gql(DECLARE, { d: "ecology", y: YEAR, t: 3 }, await f.coordinator())).declareInspectionMatterTotal.declaredTotal).toBe(
      3,
    );
    const count = await f.gql(`{ inspectionMatterCount(department: "market", year: ${YEAR}) { declaredTotal } }`);
    expect(count.inspectionMatterCount.declaredTotal).toBe(4);
    // audited in the department's own log, the refused attempts too
    const log = await f.gql(
      `query($f: AuditFilter) { department(code: "market") { auditLog(filter: $f, first: 50) { nodes { action outcome } } } }`,
      { f: { action: "declareInspectionMatterTotal" } },
      await f.auditor(),
    );
    const outcomes = log.department.auditLog.nodes.map((n: any) => n.outcome);
    expect(outcomes.filter((o: string) => o === "REFUSED").length).toBeGreaterThanOrEqual(5);
    expect(outcomes).toContain("OK");
  });

  it("computes the figures of a known data set", async () => {
    const { countyStatistics: s } = await f.gql(STATS, { y: YEAR, a: "2026-12-01" }, await f.auditor());
    expect(s.asOf).toBe("2026-12-01");
    // door-knocks saved: V1 and V2 carry 2 departments each → (2−1) + (2−1) = 2; V3 one department → 0;
    // V4 cancelled, V5/V7 unplanned, V6 last year: not counted
    expect(s).toMatchObject({ year: YEAR, region: null, doorKnocksSaved: 2 });
    const [ecology, health, market] = s.departments;
    expect(market).toEqual({
      department: "market",
      kind: "MARKET_SUPERVISION",
      // 3 published matters of a declared 4 → 0.75 ≥ 0.7
      matterShare: { randomMatters: 3, declaredTotal: 4, share: 0.75, target: 0.7, met: true },
      // 2026 plans: P1 (V1, V2 published → completed), P2 (V3 reported → open); P3 starts in 2025
      plans: { plans: 2, completed: 1 },
      // V1, V2 published; V3 reported; V4 cancelled; V5 inspected; V7 scheduled (V6 is 2025's)
      visitsByStatus: [
        { status: "CANCELLED", count: 1 },
        { status: "INSPECTED", count: 1 },
        { status: "PUBLISHED", count: 2 },
        { status: "REPORTED", count: 1 },
        { status: "SCHEDULED", count: 1 },
      ],
      jointVisits: 2, // V1, V2
      // reports of V1 (on time, published in time), V2 (late by 30 minutes, published late), V3 (overdue), V5 (not due)
      reports: { reports: 4, submitted: 2, submittedOnTime: 1, overdue: 1, published: 2, publishedInTime: 1 },
      // market findings: V5 (unplanned) OTHER; V1 (A) none; V3 (B) one of two; V2 (FLAGGED) two problems
      problemsByStratum: [
        { key: "UNPLANNED", findings: 1, problems: 1 },
        { key: "A", findings: 1, problems: 0 },
        { key: "B", findings: 2, problems: 1 },
        { key: "FLAGGED", findings: 2, problems: 2 },
      ],
      // market:11 in V1 (none), V2 (problem), V3 (problem), V5 (problem); market:12 in V2 (problem), V3 (none)
      problemsByMatter: [
        { key: "market:11", findings: 4, problems: 3 },
        { key: "market:12", findings: 2, problems: 1 },
      ],
      // visits not cancelled: market:1 → V1 V2 V3 V5 = 4; market:2 → V1 V3 V5 = 3; market:3 → V2 V7 = 2;
      // market:4 → V7 = 1. Sorted 1 2 3 4: median (2 + 3) / 2 = 2.5
      workload: { inspectors: 4, min: 1, median: 2.5, max: 4 },
      unplanned: { total: 2, flagged: 1 }, // V5 targeted (flagged), V7 complaint with its number
      // three referrals: V2's to ecology and V3's to health received (open, unanswered; both answer deadlines,
      // 06-20 and 06-30, before 12-01: overdue), V2's to health closed; V5's on-site order past 2026-07-01
      referrals: { open: 2, closed: 1, unanswered: 2, overdue: 2, overdueRectifications: 1 },
    });
    expect(ecology).toMatchObject({
      kind: "OTHER",
      // 1 published matter of a declared 3 → 1/3 < 0.5
      matterShare: { randomMatters: 1, declaredTotal: 3, target: 0.5, met: false },
      plans: { plans: 1, completed: 1 },
      visitsByStatus: [{ status: "PUBLISHED", count: 2 }],
      jointVisits: 2,
      reports: { reports: 1, submitted: 1, submittedOnTime: 1, overdue: 0, published: 1, publishedInTime: 1 },
      problemsByStratum: [
        { key: "A", findings: 1, problems: 1 },
        { key: "FLAGGED", findings: 1, problems: 0 },
      ],
      problemsByMatter: [{ key: "ecology:21", findings: 2, problems: 1 }],
      workload: { inspectors: 2, min: 2, median: 2, max: 2 }, // ecology:1 and ecology:2 on V1 and V2
      unplanned: { total: 0, flagged: 0 },
      referrals: { open: 0, closed: 0, unanswered: 0, overdue: 0, overdueRectifications: 0 }, // its on-site order was followed up
    });
    expect(ecology.matterShare.share).toBeCloseTo(1 / 3, 10);
    // no matters, no declaration: no share yet, against the 50 % target
    expect(health.matterShare).toEqual({ randomMatters: 0, declaredTotal: null, share: null, target: 0.5, met: null });
    expect(health.visitsByStatus).toEqual([]);
  });

  it("counts what is overdue as of the day asked, today in Beijing by default", async () => {
    const market = async (asOf?: string) =>
      (await f.gql(STATS, { y: YEAR, d: "market", ...(asOf ? { a: asOf } : {}) }, await f.auditor())).countyStatistics;
    const overdue = async (asOf: string) => {
      const m = (await market(asOf)).departments[0];
      return { referrals: m.referrals.overdue, rectifications: m.referrals.overdueRectifications, reports: m.reports.overdue };
    };
    // 06-25: V2's referral to ecology (due 06-20) is overdue, V3's to health (06-30) not yet, the closed one never;
    // V5's rectification (deadline 07-01) not yet; V3's report (due 06-04, never submitted) is
    expect(await overdue("2026-06-25")).toEqual({ referrals: 1, rectifications: 0, reports: 1 });
    // the deadline day itself is not late
    expect(await overdue("2026-06-30")).toEqual({ referrals: 1, rectifications: 0, reports: 1 });
    expect(await overdue("2026-07-02")).toEqual({ referrals: 2, rectifications: 1, reports: 1 });
    // before any deadline: nothing overdue, the open and unanswered counts unchanged
    const early = (await market("2026-06-01")).departments[0].referrals;
    expect(early).toEqual({ open: 2, closed: 1, unanswered: 2, overdue: 0, overdueRectifications: 0 });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect((await market()).asOf).toBe(today);
    const bad = await f.gqlRaw(STATS, { y: YEAR, a: "2026-02-30" }, await f.auditor());
    expect(code(bad)).toBe("INVALID_DATE_FORMAT");
    expect(bad.errors[0].message).toMatch(/基准日/);
  });

  it("filters by region and lets a department admin see only its own figures", async () => {
    const byRegion = (await f.gql(STATS, { y: YEAR, r: "511703" }, await f.coordinator())).countyStatistics;
    expect(byRegion.departments.map((d: any) => d.department)).toEqual(["health"]);
    expect(byRegion.doorKnocksSaved).toBe(0);
    const own = (await f.gql(STATS, { y: YEAR, d: "ecology" }, await f.admin("ecology"))).countyStatistics;
    expect(own.departments.map((d: any) => d.department)).toEqual(["ecology"]);
    expect(own.doorKnocksSaved).toBe(2);
    expect(code(await f.gqlRaw(STATS, { y: YEAR }, await f.admin("ecology")))).toBe("FORBIDDEN");
    expect(code(await f.gqlRaw(STATS, { y: YEAR, d: "market" }, await f.admin("ecology")))).toBe("FORBIDDEN");
    expect(code(await f.gqlRaw(STATS, { y: YEAR, d: "market" }, await f.inspector("market", "1")))).toBe("FORBIDDEN");
    expect(code(await f.gqlRaw(STATS, { y: 2014 }, await f.auditor()))).toBe("INVALID_YEAR");
    expect(code(await f.gqlRaw(STATS, { y: YEAR, r: "51%" }, await f.auditor()))).toBe("INVALID_REGION");
  });

  it("costs the same SQL statements per service for ten times the data", async () => {
    /**
     * Statements per service during one query, the least of three runs: the county's background workers (the
     * referral outbox, the disclosure timer) may add a statement of their own while a query runs, never remove one.
     */
    async function statements(): Promise<Record<string, number>> {
      const runs: Record<string, number>[] = [];
      for (let n = 0; n < 3; n++) {
        const counters = {
          county: countQueries(f.county.orm),
          ...Object.fromEntries(CODES.map((c) => [c, countQueries(f.departments.get(c)!.orm)])),
        };
        await f.gql(STATS, { y: YEAR }, await f.auditor());
        runs.push(Object.fromEntries(Object.entries(counters).map(([c, k]) => [c, k.count])));
      }
      return Object.fromEntries(Object.keys(runs[0]!).map((c) => [c, Math.min(...runs.map((r) => r[c]!))]));
    }
    const small = await statements();
    const b = new CountyBooks(f.county.orm);
    const plan = b.plan(["market", "ecology"], "2026-08-01");
    await b.flush();
    const visits = Array.from({ length: 60 }, (_, n) =>
      b.visit({
        plan,
        stratum: ["A", "B", "C", "D", "FLAGGED"][n % 5],
        status: n % 3 ? "PUBLISHED" : "SCHEDULED",
        inspectors: { market: [`market:${n % 7}`, `market:${(n % 7) + 10}`], ecology: [`ecology:${n % 4}`, "ecology:9"] },
        createdAt: "2026-09-01T02:00:00Z",
      }),
    );
    await b.flush();
    for (const v of visits) {
      b.finding(v, "market:11", v.id % 2 ? "NO_PROBLEM" : "OTHER");
      b.report(v, "market", { due: "2026-09-04", submittedAt: "2026-09-03T02:00:00Z", published: true });
    }
    await b.flush();
    const large = await statements();
    expect(large).toEqual(small);
    // county: the department list, eight aggregates per department, the door-knocks; each department: its two counts
    expect(large.county).toBe(1 + 8 * CODES.length + 1);
    for (const c of CODES) expect(large[c]).toBe(2);
    const after = (await f.gql(STATS, { y: YEAR, d: "market" }, await f.auditor())).countyStatistics.departments[0];
    expect(after.reports.reports).toBe(64); // the figures did grow
  });
});
