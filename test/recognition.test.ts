import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { createPlan, freeze, inspectVisit, publish } from "./support/visits.js";

/**
 * 互认 on results (docs/rules.md): a plan's cooldown leaves out a subject only if a visit to it was
 * actually inspected within the cooldown, for the same supervision type, by a department the plan
 * recognises (its own, their upper/lower-level units, or any with ALL_DEPARTMENTS). FLAGGED subjects
 * are never left out.
 */
describe("mutual recognition of inspection results", () => {
  let f: TestFederation;
  const matters: Record<string, string[]> = {};
  const cooled = (frozen: Awaited<ReturnType<typeof freeze>>) => frozen.excluded.find((e) => e.reason.includes("互认"))?.count;
  let flagged: string;

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "city", name: "资阳市市场监督管理局", kind: "MARKET_SUPERVISION", region: "512000", level: "CITY" },
      { code: "market", name: "安岳县市场监督管理局", kind: "MARKET_SUPERVISION", region: "512021", level: "COUNTY", parentCode: "city" },
      { code: "health", name: "安岳县卫生健康局", region: "512021" },
    ]);
    // the same eight restaurants (food business, 食品经营) in every directory
    for (const d of ["city", "market", "health"])
      matters[d] = await fillBooks(
        f.gatewayUrl,
        d,
        { matters: [{ code: `${d}-1` }], subjects: [1, 8], inspectors: [1, 2, 3, 4] },
        await f.admin(d),
      );
    const first = await publish(f, (await freeze(f, await createPlan(f, "market", matters.market!, "县局第一批"))).id);
    expect(first).toHaveLength(8);
    // subject of the 1st visit: flagged afterwards (经营异常); 2nd and 3rd: inspected; 4th: unreachable; the rest never visited
    flagged = first[0].uscc;
    await inspectVisit(f, first[0], "NO_PROBLEM");
    await inspectVisit(f, first[1], "NO_PROBLEM");
    await inspectVisit(f, first[2], "CORRECTED_ON_ORDER");
    const team = first[3].teams[0];
    const unreachable = await f.gqlRaw<any>(
      'mutation($v: ID!) { recordVisitOutcome(visitId: $v, outcome: UNREACHABLE, note: "登记住所无人") { status } }',
      { v: first[3].id },
      await f.inspector("market", team.inspectors[0].id),
    );
    expect(unreachable.errors).toBeUndefined();
    const upd = await f.gqlRaw<any>(
      'mutation($u: String!) { updateSubject(department: "market", uscc: $u, input: { abnormalList: true }, reason: "列入经营异常名录") { uscc } }',
      { u: flagged },
      await f.admin("market"),
    );
    expect(upd.errors).toBeUndefined();
  }, 240_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("leaves out only the subjects actually inspected, never a FLAGGED one, never for a visit that did not happen", async () => {
    const frozen = await freeze(f, await createPlan(f, "market", matters.market!, "县局第二批", { cooldownDays: 180 }));
    // 8 subjects: 2 inspected and not flagged are left out; the flagged one (inspected), the unreachable one and the unvisited stay
    expect(cooled(frozen)).toBe(2);
    expect(frozen.counts.candidates).toBe(6);
    expect(frozen.excluded[0]!.reason).toMatch(/结果互认/);
  });

  it("recognises the upper-level department's plan (a county unit's results count for the city)", async () => {
    const frozen = await freeze(f, await createPlan(f, "city", matters.city!, "市局抽查", { cooldownDays: 180 }));
    // the three inspected subjects: the county flagged one, but the city's own record of it is not flagged
    expect(cooled(frozen)).toBe(3);
    expect(frozen.counts.candidates).toBe(5);
  });

  it("does not recognise another department unless the plan says so", async () => {
    const own = await freeze(f, await createPlan(f, "health", matters.health!, "卫健抽查", { cooldownDays: 180 }));
    expect(cooled(own)).toBe(0);
    expect(own.counts.candidates).toBe(8);
    const all = await freeze(
      f,
      await createPlan(f, "health", matters.health!, "卫健抽查（互认任一部门）", { cooldownDays: 180, cooldownScope: "ALL_DEPARTMENTS" }),
    );
    expect(cooled(all)).toBe(3);
    expect(all.excluded[0]!.reason).toMatch(/任一部门/);
  });

  it("defaults a plan's ratios from its matters' default ratio", async () => {
    const { createPlan: plan } = await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id ratios { stratum ratio } } }", {
      i: {
        name: "按事项默认比例",
        leadDepartment: "market",
        matters: matters.market!.map((matterId) => ({ department: "market", matterId })),
        ratios: { D: 0.5 },
        windowStart: "2027-05-01",
        windowEnd: "2027-05-31",
      },
    });
    const { matter } = await f.gql<any>('query($id: ID!) { matter(department: "market", id: $id) { defaultRatio } }', {
      id: matters.market![0],
    });
    const ratios = Object.fromEntries(plan.ratios.map((r: any) => [r.stratum, r.ratio]));
    expect(ratios).toMatchObject({ D: 0.5, C: matter.defaultRatio, B: matter.defaultRatio, A: matter.defaultRatio });
    expect(ratios.FLAGGED).toBe(Math.max(0.5, matter.defaultRatio));
  });

  it("shows per matter how many plans of the year carry it against its yearly frequency", async () => {
    const { matterFrequencies } = await f.gql<any>("{ matterFrequencies(year: 2027) { department code planned yearlyFrequency behind } }");
    // county market: 县局第一批, 县局第二批, 按事项默认比例; city: one; health: two
    expect(matterFrequencies).toEqual([
      { department: "city", code: "city-1", planned: 1, yearlyFrequency: 1, behind: false },
      { department: "health", code: "health-1", planned: 2, yearlyFrequency: 1, behind: false },
      { department: "market", code: "market-1", planned: 3, yearlyFrequency: 1, behind: false },
    ]);
    const own = await f.gql<any>("{ matterFrequencies(year: 2027) { department } }", {}, await f.admin("health"));
    expect(own.matterFrequencies).toEqual([{ department: "health" }]);
    expect((await f.gql<any>("{ matterFrequencies(year: 2026) { code } }")).matterFrequencies).toEqual([]);
  });
});
