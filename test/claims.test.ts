import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from "@ssj/gateway";
import type { Identity } from "@ssj/shared";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { TestSubscriber, waitFor } from "./support/subscriber.js";

const PLANS = "{ plans(first: 50) { totalCount nodes { id name } } }";

/** Users' tokens and the claims they carry (issue #16.4): lifetime, formats, exact matches, expiry of subscriptions. */
describe("token and claim handling", () => {
  let f: TestFederation;
  let drawId: string;

  /** A token of the demo identity provider with the claims and times given (seconds since the epoch). */
  const token = (claims: Record<string, unknown>, times: { iat?: number; exp?: number }) => {
    let jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE);
    if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt = jwt.setExpirationTime(times.exp);
    return jwt.sign(new TextEncoder().encode(f.jwtSecret));
  };
  const now = () => Math.floor(Date.now() / 1000);
  const coordinatorClaims = { sub: "zhao", role: "county_coordinator", region: "512000" };
  const bearer = async (claims: Record<string, unknown>, times: { iat?: number; exp?: number }) => ({
    authorization: `Bearer ${await token(claims, times)}`,
  });

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "ecology", name: "生态环境局" },
    ]);
    const [m] = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 6], inspectors: [1, 2, 3, 4] },
      await f.admin("market"),
    );
    const plan = await f.gql("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: "市场监管局未公开计划",
        leadDepartment: "market",
        matters: [{ department: "market", matterId: m }],
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    drawId = (await f.gql("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: plan.createPlan.id })).createDraw.id;
    await f.gql("mutation($d: ID!) { freezeDraw(drawId: $d) { id } }", { d: drawId });
    await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["7"]) { id } }', { d: drawId });
    await f.gql("mutation($d: ID!) { executeDraw(drawId: $d) { id } }", { d: drawId });
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  const refusal = async (headers: Record<string, string>) => {
    const res = await gqlRaw(f.gatewayUrl, PLANS, {}, headers);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    return res.errors![0]!.message;
  };

  it("refuses a token without exp, with iat in the future, or living longer than the maximum", async () => {
    expect(await refusal(await bearer(coordinatorClaims, { iat: now() }))).toMatch(/exp/);
    expect(await refusal(await bearer(coordinatorClaims, { iat: now() + 3600, exp: now() + 7200 }))).toMatch(/未来/);
    expect(await refusal(await bearer(coordinatorClaims, { iat: now(), exp: now() + 13 * 3600 }))).toMatch(/上限/);
    expect(await refusal(await bearer(coordinatorClaims, { exp: now() + 30 * 24 * 3600 }))).toMatch(/上限/);
    // within the limits, and a clock a few seconds ahead of ours, is accepted
    const ok = await gqlRaw(f.gatewayUrl, PLANS, {}, await bearer(coordinatorClaims, { iat: now() + 5, exp: now() + 12 * 3600 }));
    expect(ok.errors).toBeUndefined();
  });

  it("refuses claims of the wrong form at the gateway", async () => {
    const exp = now() + 600;
    expect(await refusal(await bearer({ sub: "x", role: "department_admin", department: "%" }, { exp }))).toMatch(/部门编码/);
    expect(await refusal(await bearer({ sub: "x", role: "inspector", department: "market", inspectorId: "%" }, { exp }))).toMatch(
      /人员编号/,
    );
    expect(await refusal(await bearer({ sub: "x", role: "inspector", department: "market", inspectorId: "1|2" }, { exp }))).toMatch(
      /人员编号/,
    );
    expect(await refusal(await bearer({ sub: "a\u0000b", role: "auditor" }, { exp }))).toMatch(/用户标识/);
  });

  it("matches identities exactly in the county, even when a signed identity carries a pattern", async () => {
    // defence in depth: an identity the gateway would refuse, signed with its key straight to the county
    const admin: Identity = { sub: "x", role: "department_admin", department: "%" };
    const plans = await gqlRaw<any>(f.county.url, PLANS, {}, await f.internal(admin, PLANS));
    expect(plans.errors).toBeUndefined();
    // "%" matches no department: the admin sees exactly what the public sees (plans whose draw is frozen)
    const asPublic = await gqlRaw<any>(f.gatewayUrl, PLANS, {});
    expect(plans.data.plans.totalCount).toBe(asPublic.data.plans.totalCount);
    const VISITS = `{ draw(id: "${drawId}") { visits(first: 100) { totalCount } } }`;
    const all = await gqlRaw<any>(f.county.url, VISITS, {}, await f.internal({ sub: "c", role: "county_coordinator" }, VISITS));
    expect(all.data.draw.visits.totalCount).toBeGreaterThan(0);
    for (const inspectorId of ["%", "_", "1%"]) {
      const inspector: Identity = { sub: "i", role: "inspector", department: "market", inspectorId };
      const mine = await gqlRaw<any>(f.county.url, VISITS, {}, await f.internal(inspector, VISITS));
      expect(mine.data?.draw?.visits?.totalCount ?? 0).toBe(0);
    }
  });

  it("takes plans(department:) literally: % and _ match nothing", async () => {
    const q = "query($d: String) { plans(department: $d, first: 50) { totalCount } }";
    const coordinator = await f.coordinator();
    expect((await f.gql(q, { d: "market" }, coordinator)).plans.totalCount).toBe(1);
    for (const d of ["%", "m%", "_arket", "%|%"]) expect((await f.gql(q, { d }, coordinator)).plans.totalCount).toBe(0);
  });

  it("ends a subscription with TOKEN_EXPIRED when its token expires", async () => {
    const exp = now() + 3;
    const headers = await bearer(coordinatorClaims, { iat: now(), exp });
    const subscriber = new TestSubscriber(f.gatewayUrl, headers).subscribe(
      "subscription { departmentChanged { kind department { code } } }",
    );
    try {
      await waitFor(() => subscriber.results.length > 0 || subscriber.completed || subscriber.error !== undefined, 10_000, "expiry");
      // live until the token expired, then ended with the reason
      expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
      expect(subscriber.results[0]?.errors?.[0]?.extensions?.code).toBe("TOKEN_EXPIRED");
      await waitFor(() => subscriber.completed || subscriber.error !== undefined, 5_000, "the end of the subscription");
    } finally {
      await subscriber.close();
    }
  });
});
