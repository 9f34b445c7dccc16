import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvFile, csvLine } from "./support/csv.js";
import { TestFederation } from "./support/federation.js";
import { inspectorInput, matterInput, subjectInput } from "./support/fixtures.js";

/** Input edge cases that once answered HTTP 500: control characters, non-finite numbers, look-alike certificates. */
describe("inputs a clerk (or an attacker) cannot slip past", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
  });
  afterAll(async () => {
    await f?.stop();
  });

  /** A raw POST, so that the HTTP status and bodies JSON cannot express (1e309) are seen as sent. */
  async function post(url: string, body: string, headers: Record<string, string>) {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    return { status: res.status, json: (await res.json()) as { data?: any; errors?: any[] } };
  }
  const subjectsNamed = async (name: string) =>
    (
      await f.gql<{ department: any }>(
        `query($n: String) { department(code: "market") { subjects(filter: { name: $n }) { totalCount } } }`,
        {
          n: name,
        },
      )
    ).department.subjects.totalCount;

  it.each([
    [
      "a NUL in a filter variable",
      `query($r: String) { department(code: "market") { subjects(filter: { region: $r }) { totalCount } } }`,
      { r: "5120\u0000" },
    ],
    [
      "a NUL literal in a subject's name",
      `mutation { addSubject(department: "market", input: { uscc: "x", name: "餐馆\\u0000", category: "a", address: "b", legalRepresentative: "c", region: "512021", supervisionTypes: ["d"], riskClass: A }) { uscc } }`,
      {},
    ],
    ["a bell in a plan filter (county)", `query { plans(department: "market\\u0007") { totalCount } }`, {}],
    [
      "an escape in a nested input variable",
      `mutation($i: SubjectInput!) { addSubject(department: "market", input: $i) { uscc } }`,
      { i: subjectInput(9001, { supervisionTypes: ["食品\u001b经营"] }) },
    ],
  ])("refuses %s with BAD_USER_INPUT through the gateway", async (_what, query, variables) => {
    const headers = await f.admin("market");
    const { status, json } = await post(f.gatewayUrl, JSON.stringify({ query, variables }), headers);
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(json.errors?.[0]?.message).toMatch(/控制字符（U\+00(00|07|1B)）/);
  });

  it("refuses a control character sent straight to a subgraph too", async () => {
    const query = `mutation { removeSubject(department: "market", uscc: "91512021MA00000000", reason: "\\u0000") { uscc } }`;
    const headers = await f.internal({ sub: "admin.market", role: "department_admin", department: "market" }, query);
    const { status, json } = await post(f.departments.get("market")!.url, JSON.stringify({ query }), headers);
    expect(json.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(status).toBe(400);
  });

  it("refuses 1e309 as a literal and as a variable with BAD_USER_INPUT, writing nothing", async () => {
    const headers = await f.admin("market");
    const literal = await post(
      f.gatewayUrl,
      JSON.stringify({
        query: `mutation { createMatter(department: "market", input: { code: "INF-1", name: "无穷", subItem: "a", legalBasis: "b", implementingBody: "c", objectType: "d", content: "e", matterClass: KEY, defaultRatio: 1e309, yearlyFrequency: 1, qualifications: ["食品安全"], appliesTo: ["食品经营"] }) { id } }`,
      }),
      headers,
    );
    expect(literal.status).toBe(400);
    expect(literal.json.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // JSON has no Infinity, but JSON.parse reads 1e309 as one
    const query = `mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }`;
    const body = JSON.stringify({ query, variables: { i: matterInput("INF-2", { defaultRatio: 0.5 }) } }).replace(
      '"defaultRatio":0.5',
      '"defaultRatio":1e309',
    );
    const variable = await post(f.gatewayUrl, body, headers);
    expect(variable.status).toBeLessThan(500);
    expect(variable.json.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const matters = await f.gql<{ department: any }>('{ department(code: "market") { matters { nodes { code } } } }');
    expect(matters.department.matters.nodes.map((m: any) => m.code)).not.toContain("INF-2");
    expect(matters.department.matters.nodes.map((m: any) => m.code)).not.toContain("INF-1");
  });

  it("counts a certificate number with full-width digits or a zero-width space as the same certificate", async () => {
    const add = (certificateNo: string) =>
      f.gqlRaw('mutation($i: InspectorInput!) { addInspector(department: "market", input: $i) { certificateNo } }', {
        i: inspectorInput(77, { certificateNo }),
      });
    const first = await add("川执字512000-000077");
    expect(first.errors).toBeUndefined();
    for (const lookalike of ["川执字５１２０００-００００７７", "川执字512000-\u200B000077", "\uFEFF川执字512000-000077"]) {
      const dup = await add(lookalike);
      expect(dup.errors?.[0]?.extensions).toMatchObject({ code: "DUPLICATE", field: "certificateNo" });
    }
  });

  it("keeps a NUL out of the directory when it comes in a CSV file", async () => {
    const file = csvFile([csvLine(9101, { name: "带\u0000空字符的餐馆" }), csvLine(9102, { name: "正常的餐馆" })]);
    const { status, body } = await f.upload("market", file, { mode: "GOOD_ROWS" });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    expect(body.data.errors[0]).toMatchObject({ line: 2, code: "BAD_USER_INPUT" });
    expect(body.data.errors[0].reason).toMatch(/名称含有不可见的控制字符（U\+0000）/);
    expect(await subjectsNamed("空字符")).toBe(0);
    expect(await subjectsNamed("正常的")).toBe(1);
  });
});
