import { AuditEvent, generateSigningKey, Issuer, type Identity } from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResponse } from "../scripts/src/lib/graphql-client.js";
import { TestFederation } from "./support/federation.js";

const COORDINATOR: Identity = { sub: "zhao", role: "county_coordinator", region: "512000" };
const SERVICE: Identity = { sub: "county", role: "service" };
const DEPARTMENTS_QUERY = "{ departments(first: 5) { nodes { code } } }";
const MATTERS_QUERY = '{ matter(department: "ecology", id: "1") { id } }';

/** A GraphQL call straight to a service, with the HTTP status. */
async function gqlRaw<T = unknown>(url: string, query: string, variables: object, headers: Record<string, string>) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as GraphQLResponse<T>) };
}

/**
 * Per-service keys (docs/architecture.md, Trust): each service believes only the signers it is
 * configured to trust, for the purpose it trusts them with — the attack of one department instance
 * signing a coordinator's identity to the others is refused.
 */
describe("trust between services", () => {
  let f: TestFederation;

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "ecology", name: "生态环境局" },
    ]);
  }, 60_000);
  afterAll(async () => {
    await f?.stop();
  });

  const securityEntries = (orm: { em: { fork(): { count(e: typeof AuditEvent, w: object): Promise<number> } } }) =>
    orm.em.fork().count(AuditEvent, { chain: "security" });

  it("refuses a coordinator identity signed by a department instance, at the county and at another department", async () => {
    const market = f.signer({ department: "market" });
    const before = await securityEntries(f.county.orm);
    const toCounty = await gqlRaw(f.county.url, DEPARTMENTS_QUERY, {}, await f.internal(COORDINATOR, DEPARTMENTS_QUERY, market));
    expect(toCounty.status).toBe(401);
    expect(toCounty.errors?.[0]?.message).toMatch(/不受本服务信任/);
    expect(await securityEntries(f.county.orm)).toBe(before + 1);

    const ecology = f.departments.get("ecology")!;
    const toDepartment = await gqlRaw(ecology.url, MATTERS_QUERY, {}, await f.internal(COORDINATOR, MATTERS_QUERY, market));
    expect(toDepartment.status).toBe(401);
    // … nor as the county's service identity
    const asService = await gqlRaw(ecology.url, MATTERS_QUERY, {}, await f.internal(SERVICE, MATTERS_QUERY, market));
    expect(asService.status).toBe(401);
  });

  it("refuses a department's key presented under the gateway's or the county's name", async () => {
    const stolenName = { issuer: Issuer.GATEWAY, keys: f.keysOf("market") };
    const res = await gqlRaw(f.county.url, DEPARTMENTS_QUERY, {}, await f.internal(COORDINATOR, DEPARTMENTS_QUERY, stolenName));
    expect(res.status).toBe(401);
    const ecology = f.departments.get("ecology")!;
    const asCounty = { issuer: Issuer.COUNTY, keys: f.keysOf("market") };
    expect((await gqlRaw(ecology.url, MATTERS_QUERY, {}, await f.internal(SERVICE, MATTERS_QUERY, asCounty))).status).toBe(401);
  });

  it("believes the county only for its own service calls, never for a user's identity", async () => {
    const ecology = f.departments.get("ecology")!;
    const county = f.signer("county");
    const asUser = await gqlRaw(ecology.url, MATTERS_QUERY, {}, await f.internal(COORDINATOR, MATTERS_QUERY, county));
    expect(asUser.status).toBe(401);
    expect(asUser.errors?.[0]?.message).toMatch(/不能代表用户身份/);
    const asService = await gqlRaw<any>(ecology.url, MATTERS_QUERY, {}, await f.internal(SERVICE, MATTERS_QUERY, county));
    expect(asService.errors).toBeUndefined();
    expect(asService.data).toEqual({ matter: null });
  });

  it("rotates the gateway's key without a restart: the new key is trusted at once, a removed one no longer", async () => {
    const old = f.gatewayKeys.keys[0]!;
    const fresh = generateSigningKey();
    f.gatewayKeys.keys.unshift(fresh); // the gateway now signs with the new key; services see the new public set
    const res = await f.gqlRaw(DEPARTMENTS_QUERY);
    expect(res.errors).toBeUndefined();
    const signedWithOld = await f.internal(COORDINATOR, DEPARTMENTS_QUERY, { issuer: Issuer.GATEWAY, keys: { keys: [old] } });
    expect((await gqlRaw(f.county.url, DEPARTMENTS_QUERY, {}, signedWithOld)).status).toBe(200);
    f.gatewayKeys.keys.splice(1); // the old key retired
    expect((await gqlRaw(f.county.url, DEPARTMENTS_QUERY, {}, signedWithOld)).status).toBe(401);
    expect((await f.gqlRaw(DEPARTMENTS_QUERY)).errors).toBeUndefined();
  });

  it("records each department's public key at registration, and publishes each service's own at /.well-known/jwks.json", async () => {
    const res = await f.gql<{ department: { publicKeys: string } }>('{ department(code: "market") { publicKeys } }');
    const recorded = JSON.parse(res.department.publicKeys) as { keys: { kid: string; d?: string }[] };
    expect(recorded.keys.map((k) => k.kid)).toEqual(f.keysOf("market").keys.map((k) => k.kid));
    expect(recorded.keys.every((k) => k.d === undefined)).toBe(true);
    const served = await (await fetch(f.departments.get("market")!.url.replace(/\/graphql$/, "/.well-known/jwks.json"))).json();
    expect(served).toEqual(recorded);
    const gateway = await (await fetch(f.gatewayUrl.replace(/\/graphql$/, "/.well-known/jwks.json"))).json();
    expect(gateway.keys[0].kid).toBe(f.gatewayKeys.keys[0]!.kid);
    expect(gateway.keys[0].d).toBeUndefined();
  });

  describe("/metrics", () => {
    const metricsUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, "/metrics");
    const all = () => [f.gatewayUrl, f.county.url, f.departments.get("market")!.url].map(metricsUrl);

    it("answers nobody without the scrape token or a platform service's identity", async () => {
      for (const url of all()) {
        expect((await fetch(url)).status).toBe(401);
        expect((await fetch(url, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
        const ok = await fetch(url, { headers: { authorization: `Bearer ${f.metricsToken}` } });
        expect(ok.status).toBe(200);
        expect(await ok.text()).toMatch(/process_resident_memory_bytes \d+/);
      }
    });

    it("answers a platform service's signed identity, not a user's", async () => {
      const market = metricsUrl(f.departments.get("market")!.url);
      expect((await fetch(market, { headers: await f.internal(SERVICE, "GET /metrics", f.signer("county")) })).status).toBe(200);
      expect((await fetch(market, { headers: await f.internal(COORDINATOR, "GET /metrics") })).status).toBe(403);
    });
  });
});
