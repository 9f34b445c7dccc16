import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { inspectorInput, testUscc } from "./support/fixtures.js";

/**
 * The gateway's response cache (gateway/src/caching, docs/performance.md "County dashboard"): an answer is
 * served again only to the same identity, a write through the gateway is read at once, and a change made
 * through another gateway reaches this one through the county's change events.
 */
describe("the gateway's response cache", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    await fillBooks(f.gatewayUrl, "market", { matters: [{ code: "C-1" }], subjects: [1, 3], inspectors: [1] }, await f.admin("market"));
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  const metric = async (gatewayUrl: string, name: string) => {
    const text = await (
      await fetch(gatewayUrl.replace(/\/graphql$/, "/metrics"), { headers: { authorization: `Bearer ${f.metricsToken}` } })
    ).text();
    return Number(new RegExp(`^${name} (\\d+)$`, "m").exec(text)?.[1]);
  };

  it("serves a repeated query from the cache, to the same identity only", async () => {
    const q = 'query($u: String!) { supervisionRecord(department: "market", uscc: $u) { legalRepresentative } }';
    const admin = await f.admin("market");
    const hits = await metric(f.gatewayUrl, "gateway_response_cache_hits_total");
    const own = await gqlRaw<any>(f.gatewayUrl, q, { u: testUscc(1) }, admin);
    expect(own.data.supervisionRecord.legalRepresentative).toBe("王建国");
    expect((await gqlRaw<any>(f.gatewayUrl, q, { u: testUscc(1) }, admin)).data).toEqual(own.data);
    expect(await metric(f.gatewayUrl, "gateway_response_cache_hits_total")).toBe(hits + 1);
    // the public asks the very same query at once: it gets its own, masked answer
    const pub = await gqlRaw<any>(f.gatewayUrl, q, { u: testUscc(1) });
    expect(pub.data.supervisionRecord.legalRepresentative).toBe("王*国");
    // another department's admin is refused, not served the cached answer
    const other = await gqlRaw<any>(
      f.gatewayUrl,
      'query { department(code: "market") { subjects { totalCount } } }',
      {},
      await f.admin("ecology"),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("answers a write made through the gateway at once", async () => {
    const q = '{ department(code: "market") { inspectors { totalCount } } }';
    const coordinator = await f.coordinator();
    const before = (await gql<any>(f.gatewayUrl, q, {}, coordinator)).department.inspectors.totalCount;
    await gql(
      f.gatewayUrl,
      "mutation($d: String!, $i: InspectorInput!) { addInspector(department: $d, input: $i) { id } }",
      { d: "market", i: inspectorInput(2, { categories: ["食品安全"], region: "512021" }) },
      await f.admin("market"),
    );
    expect((await gql<any>(f.gatewayUrl, q, {}, coordinator)).department.inspectors.totalCount).toBe(before + 1);
  });

  it("drops its answers when the county announces a change made through another gateway", async () => {
    const watching = await f.addGateway(undefined, { responseCacheMs: 600_000 }); // only an event can refresh it
    const q = '{ department(code: "market") { name } }';
    const coordinator = await f.coordinator();
    expect((await gql<any>(watching.url, q, {}, coordinator)).department.name).toBe("市场监管局");
    await gql(f.gatewayUrl, 'mutation { updateDepartment(code: "market", input: { name: "县市场监督管理局" }) { code } }', {}, coordinator);
    await expect
      .poll(async () => (await gql<any>(watching.url, q, {}, coordinator)).department.name, { timeout: 15_000 })
      .toBe("县市场监督管理局");
  }, 30_000);
});
