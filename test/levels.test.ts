import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { createPlan, freeze, inspectVisit, publish, publishResult } from "./support/visits.js";

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
  /** The whole-system plan's visits, and the subjects only 乐至's directory holds. */
  let wholeVisits: any[] = [];
  let lezhiOnly: string[] = [];

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
    lezhiOnly = (await usccs("lezhi")).filter((u: string) => !cityOnes.includes(u));
    wholeVisits = visits;
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

  // last: the results published here would count in the mutual recognition the tests above measure
  it("gives the city's result on a unit's subject to the unit's record, whose admin applies the proposal", async () => {
    const RECORD = `query($d: String!, $u: String!) { supervisionRecord(department: $d, uscc: $u) { riskClass
      inspections { visitId department results { result } } riskProposals { id direction status } } }`;
    const record = async (d: string, uscc: string) => (await f.gql<any>(RECORD, { d, u: uscc }, await f.admin(d))).supervisionRecord;
    // a subject only 乐至's directory holds: the city's finding goes to 乐至's record, the city has none of it
    const unitVisit = wholeVisits.find((v) => v.uscc === lezhiOnly[0])!;
    const classBefore = (await record("lezhi", unitVisit.uscc)).riskClass as string;
    await publishResult(f, unitVisit, "DISCLOSURE_FALSIFIED");
    expect(await record("city", unitVisit.uscc)).toBeNull();
    const lezhi = await record("lezhi", unitVisit.uscc);
    expect(lezhi.inspections).toEqual([{ visitId: unitVisit.id, department: "city", results: [{ result: "DISCLOSURE_FALSIFIED" }] }]);
    expect(lezhi.riskProposals).toMatchObject([{ direction: "UP", status: "PENDING" }]);
    const proposalId = lezhi.riskProposals[0].id as string;
    const cityProposals = await f.gql<any>('{ riskProposals(department: "city", first: 100) { nodes { id } } }', {}, await f.admin("city"));
    expect(cityProposals.riskProposals.nodes.map((p: any) => p.id)).not.toContain(proposalId);
    // the unit's admin decides, not the city's
    const APPLY = "mutation($ids: [ID!]!) { applyRiskProposals(ids: $ids) { id status fromClass toClass } }";
    const refused = await f.gqlRaw<any>(APPLY, { ids: [proposalId] }, await f.admin("city"));
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const applied = (await f.gql<any>(APPLY, { ids: [proposalId] }, await f.admin("lezhi"))).applyRiskProposals;
    const up = { A: "B", B: "C", C: "D", D: "D" }[classBefore]!;
    expect(applied).toEqual([{ id: proposalId, status: "APPLIED", fromClass: classBefore, toClass: up }]);
    expect((await record("lezhi", unitVisit.uscc)).riskClass).toBe(up);

    // a subject the city's own directory holds (and 乐至's too): the city's record, not the unit's
    const common = wholeVisits.find((v) => !lezhiOnly.includes(v.uscc))!;
    await publishResult(f, common, "NO_PROBLEM");
    expect((await record("city", common.uscc)).inspections.map((i: any) => i.visitId)).toEqual([common.id]);
    expect((await record("lezhi", common.uscc)).inspections).toEqual([]);

    // the public finds the published result by the subject's name as drawn (a snapshot of the unit's directory)
    const { supervisionRecord } = await f.gql<any>(
      'query($u: String!) { supervisionRecord(department: "lezhi", uscc: $u) { name } }',
      { u: unitVisit.uscc },
      await f.admin("lezhi"),
    );
    const BY_NAME = "query($n: String!) { publishedResults(name: $n) { totalCount nodes { visitId subjectName subject { uscc } } } }";
    const found = (await f.gqlRaw<any>(BY_NAME, { n: supervisionRecord.name.slice(-5) }, {})).data.publishedResults;
    expect(found.nodes).toEqual([{ visitId: unitVisit.id, subjectName: supervisionRecord.name, subject: { uscc: unitVisit.uscc } }]);
    expect(found.totalCount).toBe(1);
    // a LIKE wildcard is taken literally; a blank name is refused
    expect((await f.gqlRaw<any>(BY_NAME, { n: "%" }, {})).data.publishedResults.totalCount).toBe(0);
    expect((await f.gqlRaw<any>(BY_NAME, { n: "餐馆" }, {})).data.publishedResults.totalCount).toBe(2);
    expect((await f.gqlRaw<any>(BY_NAME, { n: "  " }, {})).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
