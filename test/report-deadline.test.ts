import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDateOf } from "@ssj/working-days";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { matterInput } from "./support/fixtures.js";

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const weekday = (date: string) => new Date(utc(date)).getUTCDay();

/**
 * A matter naming its own statutory report deadline (`reportDeadlineWorkingDays: 5`), through the gateway: the
 * report of the department's team is due 5 working days after the inspection's end, counting a holiday and a 调休
 * Saturday placed between them. The inspection ends "now", so the test configures the current year's schedule
 * (a configured year takes precedence over the `chinese-days` package) with a holiday on the next weekday and a
 * working Saturday on the next Saturday; the expected date is counted here by hand, independently of the service.
 */
describe("a matter's own report deadline", () => {
  let f: TestFederation;
  let visit: any;
  const code = (res: any) => res.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    const ids = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "TZ-5", overrides: { reportDeadlineWorkingDays: 5 } }], subjects: [1, 4], inspectors: [1, 2, 3] },
      await f.admin("market"),
    );
    const { createPlan } = await f.gql<any>(
      "mutation($i: PlanInput!) { createPlan(input: $i) { id matters { reportDeadlineWorkingDays } } }",
      {
        i: {
          name: "特种设备使用单位抽查",
          leadDepartment: "market",
          matters: ids.map((matterId) => ({ department: "market", matterId })),
          ratios: { D: 1, C: 1, B: 1, A: 1 },
          windowStart: "2027-04-01",
          windowEnd: "2027-04-30",
        },
      },
    );
    expect(createPlan.matters).toEqual([{ reportDeadlineWorkingDays: 5 }]);
    const { createDraw } = await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: createPlan.id });
    await f.gql("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: createDraw.id });
    await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["507"]) { status } }', { d: createDraw.id });
    await f.gql("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: createDraw.id });
    await f.gql("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d: createDraw.id });
    const { draw } = await f.gql<any>(
      "query($d: ID!) { draw(id: $d) { visits(first: 10) { nodes { id teams { department matters { id } inspectors { id } } } } } }",
      { d: createDraw.id },
    );
    visit = draw.visits.nodes[0];
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("refuses a deadline outside 1–60 working days and stores nothing", async () => {
    for (const days of [0, 61, -3]) {
      const res = await f.gqlRaw<any>(
        'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }',
        { i: matterInput(`BAD${days}`, { reportDeadlineWorkingDays: days }) },
        await f.admin("market"),
      );
      expect(code(res)).toBe("INVALID_REPORT_DEADLINE");
      expect(res.errors[0].message).toMatch(/法定报告期限/);
    }
    const { department } = await f.gql<any>(
      '{ department(code: "market") { matters(first: 10) { nodes { code reportDeadlineWorkingDays } } } }',
      {},
      await f.admin("market"),
    );
    expect(department.matters.nodes.map((m: any) => [m.code, m.reportDeadlineWorkingDays])).toEqual([["TZ-5", 5]]);
  });

  it("makes the team's report due 5 working days after the end, across a holiday and a 调休 Saturday", async () => {
    const end = chinaDateOf(new Date());
    let holiday = iso(utc(end) + DAY);
    while ([0, 6].includes(weekday(holiday))) holiday = iso(utc(holiday) + DAY);
    let saturday = iso(utc(end) + DAY);
    while (weekday(saturday) !== 6) saturday = iso(utc(saturday) + DAY);
    // Every year the next 20 days touch is configured, so no date is provisional.
    const years = new Map<number, { holidays: string[]; workdays: string[] }>();
    for (let t = utc(end); t <= utc(end) + 40 * DAY; t += DAY) years.set(new Date(t).getUTCFullYear(), { holidays: [], workdays: [] });
    years.get(Number(holiday.slice(0, 4)))!.holidays.push(holiday);
    years.get(Number(saturday.slice(0, 4)))!.workdays.push(saturday);
    for (const [year, s] of years)
      await f.gql("mutation($s: String!) { loadWorkingCalendar(schedule: $s) { year } }", { s: JSON.stringify({ year, ...s }) });

    let due = end;
    for (let counted = 0; counted < 5;) {
      due = iso(utc(due) + DAY);
      const working = due === saturday || (due !== holiday && ![0, 6].includes(weekday(due)));
      if (working) counted++;
    }

    const team = visit.teams[0];
    const present = team.inspectors.map((i: any) => `market:${i.id}`);
    const as = await f.inspector("market", team.inspectors[0].id);
    const started = await f.gqlRaw<any>(
      "mutation($i: StartVisitInput!) { startVisit(input: $i) { status } }",
      { i: { visitId: visit.id, present, certificatesShown: true, noticeNumber: "安市监检通〔2027〕5号" } },
      as,
    );
    expect(started.errors).toBeUndefined();
    const found = await f.gqlRaw<any>(
      "mutation($i: FindingInput!) { recordFinding(input: $i) { result } }",
      { i: { visitId: visit.id, department: "market", matterId: team.matters[0].id, result: "NO_PROBLEM", description: "未发现问题" } },
      as,
    );
    expect(found.errors).toBeUndefined();
    await f.gql("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: visit.id }, as);

    const { visit: v } = await f.gql<any>("query($v: ID!) { visit(id: $v) { onSite { endDate } reports { dueDate dueProvisional } } }", {
      v: visit.id,
    });
    expect(v.onSite.endDate).toBe(end);
    expect(holiday < due && saturday < due).toBe(true);
    expect(v.reports).toEqual([{ dueDate: due, dueProvisional: false }]);
  });
});
