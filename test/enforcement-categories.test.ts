import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { inspectorInput, matterInput } from "./support/fixtures.js";

/**
 * The shared enforcement categories through the gateway (issue #17): a matter requiring "特种设备安全" by its Chinese
 * name and inspectors holding SPECIAL_EQUIPMENT by code now match (they are the same code), while free text
 * outside the table ("特种设备") is refused instead of silently never matching.
 */
describe("shared enforcement categories", () => {
  let f: TestFederation;
  let planId: string;
  const code = (res: any) => res.errors?.[0]?.extensions?.code;
  const addInspector = async (n: number, categories: string[]) =>
    f.gqlRaw<any>(
      'mutation($i: InspectorInput!) { addInspector(department: "market", input: $i) { id categories qualifications { code name } } }',
      { i: inspectorInput(n, { categories }) },
      await f.admin("market"),
    );

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    const ids = await fillBooks(
      f.gatewayUrl,
      "market",
      {
        matters: [{ code: "TZ-1", overrides: { categoryLabel: "特种设备安全监察" } }],
        subjects: [1, 8],
        inspectors: [],
        category: "特种设备安全",
        supervisionType: "特种设备使用",
      },
      await f.admin("market"),
    );
    const { createPlan } = await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id matters { qualifications } } }", {
      i: {
        name: "电梯使用单位抽查",
        leadDepartment: "market",
        matters: ids.map((matterId) => ({ department: "market", matterId })),
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    expect(createPlan.matters).toEqual([{ qualifications: ["SPECIAL_EQUIPMENT"] }]);
    planId = createPlan.id;
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("lists the vocabulary to the public", async () => {
    const { enforcementCategories } = await f.gql<any>("{ enforcementCategories { code name nameEn } }", {}, {});
    expect(enforcementCategories).toContainEqual({ code: "SPECIAL_EQUIPMENT", name: "特种设备安全", nameEn: "Special equipment safety" });
    expect(enforcementCategories.map((c: any) => c.name)).not.toContain("特种设备");
  });

  it("refuses a category outside the table, for matters and inspectors, storing nothing", async () => {
    const matter = await f.gqlRaw<any>(
      'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }',
      { i: matterInput("TZ-2", { qualifications: ["特种设备"] }) },
      await f.admin("market"),
    );
    expect(code(matter)).toBe("UNKNOWN_CATEGORY");
    expect(matter.errors[0].message).toMatch(/执法类别「特种设备」不在共享的执法类别表中/);
    const inspector = await addInspector(9, ["特种设备"]);
    expect(code(inspector)).toBe("UNKNOWN_CATEGORY");
    const { department } = await f.gql<any>(
      '{ department(code: "market") { matters { nodes { code } } inspectors { totalCount } } }',
      {},
      await f.admin("market"),
    );
    expect([department.matters.nodes.map((m: any) => m.code), department.inspectors.totalCount]).toEqual([["TZ-1"], 0]);
  });

  it("stores codes, shows the shared name and keeps the department's label", async () => {
    const { department } = await f.gql<any>(
      '{ department(code: "market") { matters { nodes { qualifications category { code name } categoryLabel } } } }',
      {},
      await f.admin("market"),
    );
    expect(department.matters.nodes).toEqual([
      {
        qualifications: ["SPECIAL_EQUIPMENT"],
        category: { code: "SPECIAL_EQUIPMENT", name: "特种设备安全" },
        categoryLabel: "特种设备安全监察",
      },
    ]);
    for (const n of [1, 2, 3]) {
      const res = await addInspector(n, n === 1 ? ["特种设备安全"] : ["SPECIAL_EQUIPMENT", "计量"]);
      expect(res.data.addInspector.categories[0]).toBe("SPECIAL_EQUIPMENT");
    }
    const last = await addInspector(4, ["METROLOGY"]);
    expect(last.data.addInspector.qualifications).toEqual([{ code: "METROLOGY", name: "计量" }]);
  });

  it("matches inspectors to the matter exactly on the shared code: preview, freeze and assignment", async () => {
    const preview = await f.gql<any>(
      "query($p: ID!) { planPreview(planId: $p) { departments { categories { category inspectors } } problems { code } } }",
      {
        p: planId,
      },
    );
    expect(preview.planPreview.departments[0].categories).toEqual([{ category: "SPECIAL_EQUIPMENT", inspectors: 3 }]);
    expect(preview.planPreview.problems).toEqual([]);
    const { createDraw } = await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId });
    await f.gql("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: createDraw.id });
    await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["123"]) { status } }', { d: createDraw.id });
    await f.gql("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: createDraw.id });
    const { draw } = await f.gql<any>(
      "query($d: ID!) { draw(id: $d) { visits(first: 20) { nodes { teams { inspectors { id categories } } } } } }",
      { d: createDraw.id },
    );
    expect(draw.visits.nodes.length).toBeGreaterThan(0);
    for (const v of draw.visits.nodes) {
      const team = v.teams[0].inspectors;
      expect(team.length).toBeGreaterThanOrEqual(2);
      expect(team.some((i: any) => i.categories.includes("SPECIAL_EQUIPMENT"))).toBe(true);
    }
  });
});
