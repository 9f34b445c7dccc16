import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";

/** 跨区域: an upper-level department borrows inspectors from the lower-level departments of its system. */
describe("borrowing inspectors across regions", () => {
  let f: TestFederation;
  let matterId: string;
  const plan = (allowBorrowing: boolean) =>
    f.gql("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: `市级抽查（借调：${allowBorrowing}）`,
        leadDepartment: "market",
        matters: [{ department: "market", matterId }],
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
        allowBorrowing,
      },
    });
  const draw = async (planId: string) => {
    const { createDraw } = await f.gql("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId });
    const frozen = await f.gqlRaw("mutation($d: ID!) { freezeDraw(drawId: $d) { counts { inspectors } } }", { d: createDraw.id });
    return { id: createDraw.id, frozen };
  };

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "资阳市市场监督管理局", kind: "MARKET_SUPERVISION", region: "512000", level: "CITY" },
      {
        code: "anyue-market",
        name: "安岳县市场监督管理局",
        kind: "MARKET_SUPERVISION",
        region: "512021",
        level: "COUNTY",
        parentCode: "market",
      },
    ]);
    // the city department has one inspector of its own; a visit needs two
    [matterId] = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 6], inspectors: [1] },
      await f.admin("market"),
    );
    await fillBooks(
      f.gatewayUrl,
      "anyue-market",
      { matters: [], subjects: [100, 100], inspectors: [11, 12, 13] },
      await f.admin("anyue-market"),
    );
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("cannot staff the visits alone", async () => {
    const { frozen } = await draw((await plan(false)).createPlan.id);
    expect(frozen.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_INSPECTORS");
  });

  it("draws county inspectors into the city's visits when the plan allows it", async () => {
    const { id, frozen } = await draw((await plan(true)).createPlan.id);
    expect(frozen.data.freezeDraw.counts.inspectors).toBe(4);
    await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["5"]) { id } }', { d: id });
    await f.gql("mutation($d: ID!) { executeDraw(drawId: $d) { id } }", { d: id });
    const visits = (await f.gql("query($d: ID!) { draw(id: $d) { visits { nodes { inspectors { department name } } } } }", { d: id })).draw
      .visits.nodes;
    expect(visits).toHaveLength(6);
    for (const v of visits) {
      expect(v.inspectors).toHaveLength(2);
      expect(v.inspectors.some((i: any) => i.department === "anyue-market")).toBe(true);
    }
  });
});
