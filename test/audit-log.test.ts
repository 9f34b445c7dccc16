import { AuditEvent } from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { csvFile, csvLine } from "./support/csv.js";
import { TestFederation } from "./support/federation.js";
import { matterInput } from "./support/fixtures.js";

const DEPARTMENT_LOG = `query($f: AuditFilter, $first: Int, $after: String) {
  department(code: "market") {
    auditLog(filter: $f, first: $first, after: $after) {
      totalCount
      nodes { chain seq action actor outcome payload }
      pageInfo { hasNextPage endCursor }
    }
    auditChains { totalCount nodes { chain length headHash valid brokenAt } }
  }
}`;
const COUNTY_LOG = `query($f: AuditFilter) {
  auditLog(filter: $f, first: 100) { totalCount nodes { chain action actor outcome } }
  auditChains { nodes { chain length valid brokenAt } }
}`;

/** Issue #16.7: auditors read every service's log through the gateway, refusals included, with each chain verified. */
describe("the audit log for auditors", () => {
  let f: TestFederation;
  const log = async (filter: Record<string, unknown>, page: { first?: number; after?: string } = {}) =>
    (await f.gql(DEPARTMENT_LOG, { f: filter, ...page }, await f.auditor())).department;

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "ecology", name: "生态环境局" },
    ]);
    // allowed and refused mutations, a refused unsigned call, refused imports
    await f.gql('mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }', { i: matterInput("A-1") });
    await gqlRaw(
      f.gatewayUrl,
      'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }',
      { i: matterInput("A-2") },
      await f.admin("ecology"),
    );
    await fetch(f.departments.get("market")!.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{__typename}"}',
    });
    expect((await f.upload("market", csvFile([csvLine(1)]), {}, await f.admin("ecology"))).status).toBe(403);
    expect((await f.upload("market", Buffer.from("not,a,header\n1,2,3\n"))).status).toBe(400);
  }, 60_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("lists the refusals of a department: mutations, unsigned calls and imports", async () => {
    const refused = await log({ outcome: "REFUSED" });
    const seen = refused.auditLog.nodes.map((n: any) => `${n.chain}/${n.action}/${n.actor}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "mutations/createMatter/department_admin:admin.ecology@ecology",
        expect.stringMatching(/^security\/REFUSED_UNSIGNED\//),
        "mutations/importSubjects/department_admin:admin.ecology@ecology",
        "mutations/importSubjects/department_admin:admin.market@market",
      ]),
    );
    expect(refused.auditLog.nodes.every((n: any) => n.outcome === "REFUSED")).toBe(true);
    const codes = refused.auditLog.nodes.filter((n: any) => n.action === "importSubjects").map((n: any) => JSON.parse(n.payload).errors[0]);
    expect(codes.sort()).toEqual(["FORBIDDEN", "INVALID_CSV"]);
    const ok = await log({ outcome: "OK" });
    expect(ok.auditLog.nodes.map((n: any) => `${n.action}/${n.actor}`)).toEqual(["createMatter/department_admin:admin.market@market"]);
  });

  it("filters by chain, actor, action and time, exactly, and pages", async () => {
    expect((await log({ chain: "security" })).auditLog.totalCount).toBe(1);
    expect((await log({ actor: "department_admin:admin.ecology@ecology" })).auditLog.totalCount).toBe(2);
    expect((await log({ actor: "%" })).auditLog.totalCount).toBe(0);
    expect((await log({ action: "importSubjects", actor: "department_admin:admin.ecology@ecology" })).auditLog.totalCount).toBe(1);
    expect((await log({ to: "2020-01-01T00:00:00Z" })).auditLog.totalCount).toBe(0);
    expect((await log({ from: new Date(Date.now() - 3600_000).toISOString() })).auditLog.totalCount).toBe(5);
    const first = await log({}, { first: 2 });
    expect(first.auditLog.nodes).toHaveLength(2);
    expect(first.auditLog.pageInfo.hasNextPage).toBe(true);
    const rest = await log({}, { first: 10, after: first.auditLog.pageInfo.endCursor });
    expect(rest.auditLog.nodes).toHaveLength(first.auditLog.totalCount - 2);
  });

  it("verifies each chain, and names the entry where an edited one breaks", async () => {
    const before = (await log({})).auditChains.nodes;
    expect(before.map((c: any) => [c.chain, c.valid])).toEqual([
      ["mutations", true],
      ["security", true],
    ]);
    const em = f.departments.get("market")!.orm.em.fork();
    const entry = await em.findOneOrFail(AuditEvent, { chain: "mutations", seq: 2 });
    entry.actor = "department_admin:someone.else@market";
    await em.flush();
    const after = (await log({})).auditChains.nodes.find((c: any) => c.chain === "mutations");
    expect(after).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it("serves the county's own log, and only to auditors", async () => {
    const county = await f.gql(COUNTY_LOG, { f: { action: "registerDepartment" } }, await f.auditor());
    expect(county.auditLog.totalCount).toBe(2);
    expect(county.auditChains.nodes.find((c: any) => c.chain === "mutations")).toMatchObject({ valid: true, brokenAt: null });
    for (const headers of [await f.coordinator(), await f.admin("market"), {}]) {
      const res = await gqlRaw(f.gatewayUrl, COUNTY_LOG, {}, headers);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const dept = await gqlRaw<any>(f.gatewayUrl, DEPARTMENT_LOG, {}, headers);
      expect(dept.data?.department?.auditLog ?? null).toBeNull();
      expect(dept.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});
