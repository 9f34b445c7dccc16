import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestFederation } from "./support/federation.js";

const expert = (n: number) => ({ name: `专家${n}`, organization: "四川省食品检验研究院", expertise: ["食品安全"], region: "512000" });
const EXPERTS = (d: string) => `{ department(code: "${d}") { experts(first: 50) { totalCount } } }`;

/** Issue #16.8: a request writing to several departments (or a department and the county) is refused whole. */
describe("mutations that write to several places", () => {
  let f: TestFederation;
  const count = async (d: string) => (await f.gql(EXPERTS(d), {}, await f.coordinator())).department.experts.totalCount as number;

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "ecology", name: "生态环境局" },
    ]);
  }, 60_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("refuses two departments in one request, and commits neither part", async () => {
    const res = await f.gqlRaw(
      `mutation($a: ExpertInput!, $b: ExpertInput!) {
         a: addExpert(department: "market", input: $a) { id }
         b: addExpert(department: "ecology", input: $b) { id }
       }`,
      { a: expert(1), b: expert(2) },
      await f.admin("market"),
    );
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "MIXED_WRITE_TARGETS",
      targets: ["department:market", "department:ecology"],
    });
    expect(res.errors?.[0]?.message).toMatch(/只能修改一个部门/);
    expect([await count("market"), await count("ecology")]).toEqual([0, 0]);
  });

  it("sees departments named through variables and fragments", async () => {
    const res = await f.gqlRaw(
      `mutation($d1: String!, $d2: String!, $a: ExpertInput!) {
         a: addExpert(department: $d1, input: $a) { id }
         ...More
       }
       fragment More on Mutation { b: addExpert(department: $d2, input: $a) { id } }`,
      { d1: "market", d2: "ecology", a: expert(3) },
      await f.admin("market"),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("MIXED_WRITE_TARGETS");
    expect(await count("market")).toBe(0);
  });

  it("refuses a department and the county in one request", async () => {
    const res = await f.gqlRaw(
      `mutation($a: ExpertInput!) {
         a: addExpert(department: "market", input: $a) { id }
         b: deregisterDepartment(code: "ecology") { code }
       }`,
      { a: expert(4) },
      await f.coordinator(),
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "MIXED_WRITE_TARGETS", targets: ["department:market", "county"] });
    expect(await count("ecology")).toBe(0);
  });

  it("runs several fields of one department in one request", async () => {
    const res = await f.gqlRaw(
      `mutation($a: ExpertInput!, $b: ExpertInput!) {
         a: addExpert(department: "market", input: $a) { id }
         b: addExpert(department: "market", input: $b) { id }
       }`,
      { a: expert(5), b: expert(6) },
      await f.admin("market"),
    );
    expect(res.errors).toBeUndefined();
    expect(await count("market")).toBe(2);
  });
});
