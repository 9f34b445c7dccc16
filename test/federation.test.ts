import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { TestFederation } from "./support/federation.js";
import { inspectorInput, matterInput, subjectInput, testUscc } from "./support/fixtures.js";

const DEPARTMENTS = [
  { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" as const },
  { code: "ecology", name: "生态环境局" },
  { code: "health", name: "卫生健康局" },
];

describe("the federation through the gateway", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start(DEPARTMENTS);
  });
  afterAll(async () => {
    await f?.stop();
  });

  const addSubject = (department: string, n: number, overrides = {}) =>
    f.gql("mutation($d: String!, $i: SubjectInput!) { addSubject(department: $d, input: $i) { uscc department } }", {
      d: department,
      i: subjectInput(n, overrides),
    });

  it("creates in one department and reads across departments", async () => {
    await f.gql('mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }', { i: matterInput("SC-001") });
    await f.gql('mutation { publishMatter(department: "market", code: "SC-001") { status } }');
    await f.gql('mutation($i: InspectorInput!) { addInspector(department: "ecology", input: $i) { id } }', { i: inspectorInput(1) });
    await addSubject("market", 1, { riskClass: "D" });
    await addSubject("ecology", 1, { riskClass: "C", supervisionTypes: ["排污许可"] });
    await addSubject("health", 2);

    const data = await f.gql<{ departments: { nodes: any[] } }>(
      `{ departments { nodes { code name kind publishedMatterCount inspectorCountsByStatus { status count } subjectCountsByRiskClass { riskClass count } } } }`,
    );
    const byCode = Object.fromEntries(data.departments.nodes.map((d) => [d.code, d]));
    expect(Object.keys(byCode)).toEqual(["market", "ecology", "health"]);
    expect(byCode.market.publishedMatterCount).toBe(1);
    expect(byCode.ecology.publishedMatterCount).toBe(0);
    expect(byCode.ecology.inspectorCountsByStatus).toContainEqual({ status: "ACTIVE", count: 1 });
    expect(byCode.market.subjectCountsByRiskClass).toContainEqual({ riskClass: "D", count: 1 });
    expect(byCode.ecology.subjectCountsByRiskClass).toContainEqual({ riskClass: "C", count: 1 });
    expect(byCode.health.subjectCountsByRiskClass).toContainEqual({ riskClass: "B", count: 1 });
  });

  it("shows every department's record of a subject in subject(uscc), merged in registry order", async () => {
    const data = await f.gql<{ subject: { uscc: string; records: any[] } }>(
      `query($u: String!) { subject(uscc: $u) { uscc records { department riskClass supervisionTypes } } }`,
      { u: testUscc(1) },
    );
    expect(data.subject.uscc).toBe(testUscc(1));
    expect(data.subject.records).toEqual([
      { department: "market", riskClass: "D", supervisionTypes: ["食品经营"] },
      { department: "ecology", riskClass: "C", supervisionTypes: ["排污许可"] },
    ]);
  });

  it("never serves department A's records from B's instance", async () => {
    const coordinator = { sub: "coordinator", role: "county_coordinator" } as const;
    const q1 = 'query($u: String!) { supervisionRecord(department: "market", uscc: $u) { name } }';
    const direct = await gqlRaw(f.departments.get("ecology")!.url, q1, { u: testUscc(1) }, await f.internal(coordinator, q1));
    expect(direct.errors?.[0]?.extensions?.code).toBe("WRONG_DEPARTMENT");
    const q2 = "query($r: [_Any!]!) { _entities(representations: $r) { ... on SupervisionRecord { name } } }";
    const entities = await gqlRaw(
      f.departments.get("ecology")!.url,
      q2,
      { r: [{ __typename: "SupervisionRecord", department: "market", uscc: testUscc(1) }] },
      await f.internal(coordinator, q2),
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe("WRONG_DEPARTMENT");
    const viaGateway = await f.gql<{ supervisionRecord: { department: string } | null }>(
      'query($u: String!) { supervisionRecord(department: "health", uscc: $u) { department } }',
      {
        u: testUscc(1),
      },
    );
    expect(viaGateway.supervisionRecord).toBeNull();
  });

  it("answers a body that is not JSON with a JSON error, not a stack trace", async () => {
    const res = await fetch(f.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: "请求体不是有效的 JSON", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("refuses an unknown department with UNKNOWN_DEPARTMENT", async () => {
    const res = await f.gqlRaw('mutation($i: SubjectInput!) { addSubject(department: "nowhere", input: $i) { uscc } }', {
      i: subjectInput(9),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNKNOWN_DEPARTMENT");
    expect(res.errors?.[0]?.message).toContain("nowhere");
  });

  it("reaches a department registered while everything runs", async () => {
    await f.addDepartment({ code: "agriculture", name: "农业农村局" });
    await addSubject("agriculture", 1, { riskClass: "A", supervisionTypes: ["农产品质量安全"] });
    const data = await f.gql<{ subject: { records: { department: string }[] } }>(
      `query($u: String!) { subject(uscc: $u) { records { department } } }`,
      {
        u: testUscc(1),
      },
    );
    expect(data.subject.records.map((r) => r.department)).toEqual(["market", "ecology", "agriculture"]);
  });

  it("answers the other departments when one instance is down, naming the missing one", async () => {
    await f.stopDepartment("ecology");
    const res = await f.gqlRaw<{ departments: { nodes: any[] }; subject: { records: any[] } }>(
      `query($u: String!) { departments { nodes { code publishedMatterCount } } subject(uscc: $u) { records { department } } }`,
      { u: testUscc(1) },
    );
    const nodes = res.data!.departments.nodes;
    expect(nodes.find((d) => d.code === "market").publishedMatterCount).toBe(1);
    expect(nodes.find((d) => d.code === "ecology").publishedMatterCount).toBeNull();
    expect(res.data!.subject.records.map((r) => r.department)).toEqual(["market", "agriculture"]);
    const unavailable = res.errors?.filter((e) => e.extensions?.code === "DEPARTMENT_UNAVAILABLE") ?? [];
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((e) => e.extensions?.department === "ecology")).toBe(true);
    expect(unavailable[0]!.message).toContain("生态环境局");
  });
});
