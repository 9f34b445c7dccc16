import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { createPlan, freeze, inspectVisit, publish } from "./support/visits.js";

/**
 * 跨层级协同 (docs/rules.md, "Coordination across levels"): a city-level department sees the plans, draws and
 * results of its lower-level units (registry `parentCode`), which see neither the city's own work nor each
 * other's; a subject inspected by the city counts for a county unit's mutual recognition.
 */
describe("coordination across levels", () => {
  let f: TestFederation;
  const matters: Record<string, string[]> = {};
  let unitPlan: string;
  let unitDraw: string;
  let cityPlan: string;
  let cityInspected: string[] = [];

  const PLAN = "query($id: ID!) { plan(id: $id) { id draws { id } } }";
  const seesPlan = async (who: string, id: string) => (await f.gql<any>(PLAN, { id }, await f.admin(who))).plan !== null;
  const planIds = async (who: string) =>
    (await f.gql<any>("{ plans(first: 100) { nodes { id } } }", {}, await f.admin(who))).plans.nodes.map((p: any) => p.id);
  const drawIds = async (who: string) =>
    (await f.gql<any>("{ draws(first: 100) { nodes { id } } }", {}, await f.admin(who))).draws.nodes.map((d: any) => d.id);

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "city", name: "资阳市市场监督管理局", kind: "MARKET_SUPERVISION", region: "512000", level: "CITY" },
      { code: "market", name: "安岳县市场监督管理局", kind: "MARKET_SUPERVISION", region: "512021", level: "COUNTY", parentCode: "city" },
      { code: "lezhi", name: "乐至县市场监督管理局", kind: "MARKET_SUPERVISION", region: "512022", level: "COUNTY", parentCode: "city" },
      { code: "health", name: "安岳县卫生健康局", region: "512021", level: "COUNTY" },
    ]);
    // the same six restaurants in every directory
    for (const d of ["city", "market", "lezhi", "health"])
      matters[d] = await fillBooks(
        f.gatewayUrl,
        d,
        { matters: [{ code: `${d}-1` }], subjects: [1, 6], inspectors: [1, 2, 3, 4] },
        await f.admin(d),
      );
    // work not yet public: a draw created, not frozen
    unitPlan = await createPlan(f, "market", matters.market!, "安岳县局抽查");
    unitDraw = (await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: unitPlan })).createDraw.id;
    cityPlan = await createPlan(f, "city", matters.city!, "市局抽查");
  }, 240_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("shows a county unit's plans and draws to its city department, not to a sibling or another system", async () => {
    expect(await seesPlan("city", unitPlan)).toBe(true);
    expect((await f.gql<any>(PLAN, { id: unitPlan }, await f.admin("city"))).plan.draws).toEqual([{ id: unitDraw }]);
    expect(await planIds("city")).toEqual(expect.arrayContaining([unitPlan, cityPlan]));
    expect(await drawIds("city")).toContain(unitDraw);
    const reviewer = await f.as({ sub: "reviewer.city", role: "department_reviewer", department: "city" });
    expect((await f.gql<any>(PLAN, { id: unitPlan }, reviewer)).plan).not.toBeNull();
    for (const other of ["lezhi", "health"]) {
      expect(await seesPlan(other, unitPlan)).toBe(false);
      expect(await planIds(other)).not.toContain(unitPlan);
      expect(await drawIds(other)).not.toContain(unitDraw);
    }
    // the lower level does not see the city's own work
    expect(await seesPlan("market", cityPlan)).toBe(false);
    expect(await planIds("market")).not.toContain(cityPlan);
    // an inspector of the city oversees nothing: they see their own assignments
    const cityInspector = await f.inspector("city", "1");
    expect((await f.gql<any>(PLAN, { id: unitPlan }, cityInspector)).plan).toBeNull();
  });

  it("shows the unit's inspection results, not yet public, to the city", async () => {
    await f.gql("mutation($d: ID!) { freezeDraw(drawId: $d) { id } }", { d: unitDraw });
    const visits = await publish(f, unitDraw);
    await inspectVisit(f, visits[0], "NO_PROBLEM");
    const FINDINGS = "query($v: ID!) { visit(id: $v) { id status findings { result } onSite { startedAt } } }";
    const seen = (await f.gql<any>(FINDINGS, { v: visits[0].id }, await f.admin("city"))).visit;
    expect(seen.status).toBe("INSPECTED");
    expect(seen.findings.map((x: any) => x.result)).toEqual(["NO_PROBLEM"]);
    expect(seen.onSite).not.toBeNull();
    const sibling = (await f.gql<any>(FINDINGS, { v: visits[0].id }, await f.admin("lezhi"))).visit;
    expect(sibling.findings).toEqual([]);
    expect(sibling.onSite).toBeNull();
    // the report drafted at the end of the visit: the city passes the access check (not yet reviewed), a sibling does not
    const pdf = async (who: string) =>
      (
        await fetch(f.gatewayUrl.replace(/\/graphql$/, `/visits/${visits[0].id}/report/market.pdf`), { headers: await f.admin(who) })
      ).json();
    expect((await pdf("city")).errors[0].extensions.code).toBe("REPORT_NOT_REVIEWED");
    expect((await pdf("lezhi")).errors[0].extensions.code).toBe("FORBIDDEN");
    const VISITS = 'query { department(code: "market") { visits(first: 50) { totalCount } } }';
    expect((await f.gql<any>(VISITS, {}, await f.admin("city"))).department.visits.totalCount).toBe(visits.length);
  });

  it("plans for the whole system: one city plan whose pool spans its county units' directories", async () => {
    // 乐至 also supervises four subjects that are in no other directory
    await fillBooks(f.gatewayUrl, "lezhi", { matters: [], subjects: [20, 23], inspectors: [] }, await f.admin("lezhi"));
    const own = await freeze(f, await createPlan(f, "city", matters.city!, "市局本级抽查"));
    expect(own.counts.candidates).toBe(6);
    const whole = await createPlan(f, "city", matters.city!, "全市系统抽查", { wholeSystem: true });
    const plan = (await f.gql<any>("query($id: ID!) { plan(id: $id) { wholeSystem } }", { id: whole })).plan;
    expect(plan.wholeSystem).toBe(true);
    const frozen = await freeze(f, whole);
    // the six subjects every directory holds once, and 乐至's four
    expect(frozen.counts.candidates).toBe(10);
    const visits = await publish(f, frozen.id);
    expect(visits).toHaveLength(10);
    const usccs = async (d: string) =>
      (
        await f.gql<any>("query($d: String!) { department(code: $d) { subjects(first: 50) { nodes { uscc } } } }", { d })
      ).department.subjects.nodes.map((s: any) => s.uscc as string);
    const cityOnes = await usccs("city");
    const lezhiOnly = (await usccs("lezhi")).filter((u: string) => !cityOnes.includes(u));
    expect(lezhiOnly).toHaveLength(4);
    expect(visits.map((v) => v.uscc)).toEqual(expect.arrayContaining(lezhiOnly));
    // every visit carries the city's matter, staffed from the system's directories
    for (const v of visits) expect(v.teams.map((t: any) => t.department)).toEqual(["city"]);
    // a department with no lower-level unit cannot make a whole-system plan, and nothing is stored
    const before = (await f.gql<any>("{ plans { totalCount } }")).plans.totalCount;
    const refused = await f.gqlRaw<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: "卫健全系统",
        leadDepartment: "health",
        matters: [{ department: "health", matterId: matters.health![0] }],
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
        wholeSystem: true,
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "wholeSystem" });
    expect(refused.errors?.[0]?.message).toMatch(/下级单位/);
    expect((await f.gql<any>("{ plans { totalCount } }")).plans.totalCount).toBe(before);
  });

  it("counts a subject inspected by the city for a county unit's mutual recognition", async () => {
    const visits = await publish(f, (await freeze(f, cityPlan)).id);
    await inspectVisit(f, visits[0], "NO_PROBLEM");
    await inspectVisit(f, visits[1], "NO_PROBLEM");
    cityInspected = [visits[0].uscc, visits[1].uscc];
    // lezhi never inspected anything; the city (its upper level) inspected two subjects, the county unit market one
    const frozen = await freeze(f, await createPlan(f, "lezhi", matters.lezhi!, "乐至县局第二批", { cooldownDays: 180 }));
    const cooled = frozen.excluded.find((e) => e.reason.includes("互认"))!;
    expect(cooled.count).toBe(2);
    expect(frozen.counts.candidates).toBe(8); // its 6 + 4 own subjects, less the 2
  });

  it("recognises in a joint plan the results of every department taking part and of their upper level", async () => {
    const health = await publish(f, (await freeze(f, await createPlan(f, "health", matters.health!, "卫健抽查"))).id);
    for (const v of health.slice(0, 3)) await inspectVisit(f, v, "NO_PROBLEM");
    const { createJointPlan } = await f.gql<any>("mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }", {
      i: {
        name: "乐至县餐饮联合抽查",
        leadDepartment: "lezhi",
        cooperatingDepartments: ["health"],
        matters: [
          { department: "lezhi", matterId: matters.lezhi![0] },
          { department: "health", matterId: matters.health![0] },
        ],
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-05-01",
        windowEnd: "2027-05-31",
        cooldownDays: 180,
      },
    });
    const frozen = await freeze(f, createJointPlan.id);
    // left out: what 卫健 (taking part) or the city (乐至's upper level) inspected; 安岳's inspection (a sibling) counts for nothing
    const recognised = new Set([...health.slice(0, 3).map((v) => v.uscc as string), ...cityInspected]);
    expect(frozen.excluded.find((e) => e.reason.includes("互认"))!.count).toBe(recognised.size);
    expect(frozen.counts.candidates).toBe(10 - recognised.size);
  });
});
