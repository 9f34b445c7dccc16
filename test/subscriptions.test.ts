import type { RunningCounty } from "@ssj/county";
import { startCounty } from "@ssj/county";
import type { AuthorizeSubscription, SubscriptionAuthContext } from "@ssj/gateway";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { GraphQLError } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { TestFederation, gql } from "./support/federation.js";
import { matterInput } from "./support/fixtures.js";
import { freePort } from "./support/ports.js";
import { registerDepartment } from "./support/register.js";
import { TestSubscriber, waitFor } from "./support/subscriber.js";

const CHANGES = `subscription { departmentChanged { id kind at department { code name publishedMatterCount } } }`;

const register = async (f: TestFederation, code: string, name: string, url: string, gatewayUrl = f.gatewayUrl) =>
  registerDepartment(gatewayUrl, { code, name, url }, await f.coordinator());

const rename = async (f: TestFederation, code: string, name: string, gatewayUrl = f.gatewayUrl) =>
  gql(
    gatewayUrl,
    "mutation($code: String!, $name: String!) { updateDepartment(code: $code, input: { name: $name }) { code } }",
    { code, name },
    await f.coordinator(),
  );

/**
 * Waits until the county instance has `n` subscribers' bus subscriptions ready (live end to end), besides
 * the registry watch each of its `gateways` keeps (a gateway refreshes its shard map on registry events).
 */
const live = (county: RunningCounty, n: number, gateways = 1) =>
  waitFor(() => county.bus.stats().subscribers === n + gateways, 10_000, `${n} live subscriptions on the county`);

/** Subscribers of the running test, closed after it; then nothing may be left open anywhere. */
const opened: TestSubscriber[] = [];
const subscriber = (url: string, connectionParams?: Record<string, unknown>) => {
  const s = new TestSubscriber(url, connectionParams);
  opened.push(s);
  return s;
};
async function closeSubscribers(counties: [RunningCounty, number][], gateways: { subscriptionStats(): { upstream: number } }[]) {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await waitFor(
    () =>
      counties.every(([c, gateways]) => c.bus.stats().subscribers === gateways) &&
      gateways.every((g) => g.subscriptionStats().upstream === 0),
    10_000,
    "all subscriptions released",
  );
}

describe("subscriptions through the gateway (in-process event bus)", () => {
  let f: TestFederation;
  const authCalls: SubscriptionAuthContext[] = [];
  const authorize: AuthorizeSubscription = (ctx) => {
    authCalls.push(ctx);
    if (ctx.request.connectionParams.token === "bad") throw new GraphQLError("令牌无效", { extensions: { code: "UNAUTHENTICATED" } });
    if (ctx.phase === "subscribe" && ctx.request.headers["x-actor"] === "guest" && ctx.operation?.field === "departmentChanged") {
      throw new GraphQLError("无权订阅部门登记变更", { extensions: { code: "FORBIDDEN" } });
    }
  };

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }], {
      gateway: { subscriptions: { authorize } },
    });
    await f.gql('mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }', { i: matterInput("SC-001") });
    await f.gql('mutation { publishMatter(department: "market", code: "SC-001") { status } }');
  });
  afterEach(() => closeSubscribers([[f.county, 1 + f.extraGateways.length]], [f.gateway, ...f.extraGateways]));
  afterAll(async () => {
    await f?.stop();
  });

  it("delivers each registry change with federated fields from the department instance", async () => {
    const s = subscriber(f.gatewayUrl).subscribe(CHANGES);
    await live(f.county, 1);
    const ecology = await f.addDepartment({ code: "ecology", name: "生态环境局" }, false);
    await register(f, "ecology", "生态环境局", ecology.url);
    await rename(f, "market", "资阳市市场监督管理局");
    const [registered, updated] = await s.received(2);
    expect(registered!.errors).toBeUndefined();
    expect(registered!.data.departmentChanged).toMatchObject({
      kind: "REGISTERED",
      department: { code: "ecology", name: "生态环境局", publishedMatterCount: 0 },
    });
    expect(updated!.data.departmentChanged).toMatchObject({
      kind: "UPDATED",
      department: { code: "market", name: "资阳市市场监督管理局", publishedMatterCount: 1 },
    });
    expect(new Date(updated!.data.departmentChanged.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // the event is stored: its query twin answers the same through the gateway
    const twin = await f.gql<{ departmentChange: { kind: string; department: { code: string } } }>(
      "query($id: ID!) { departmentChange(id: $id) { kind department { code } } }",
      { id: updated!.data.departmentChanged.id },
    );
    expect(twin.departmentChange).toEqual({ kind: "UPDATED", department: { code: "market" } });
    await s.close();
  });

  it("keeps aliases, fragments, variables and argument filters", async () => {
    const s = subscriber(f.gatewayUrl).subscribe(
      `subscription Watch($code: String, $withCount: Boolean!) {
         change: departmentChanged(code: $code) { ...Change }
       }
       fragment Change on DepartmentChange { kind department { code count: publishedMatterCount @include(if: $withCount) } }`,
      { code: "market", withCount: true },
    );
    await live(f.county, 1);
    await rename(f, "ecology", "资阳市生态环境局"); // filtered out: not market
    await rename(f, "market", "市场监管局");
    const [r] = await s.received(1);
    expect(r).toEqual({ data: { change: { kind: "UPDATED", department: { code: "market", count: 1 } } } });
    await new Promise((res) => setTimeout(res, 200));
    expect(s.results).toHaveLength(1);
    await s.close();
  });

  it("refuses invalid documents with validation errors", async () => {
    const s = subscriber(f.gatewayUrl).subscribe("subscription { departmentChanged { id nonsense } }");
    await waitFor(() => s.error !== undefined);
    expect(JSON.stringify(s.error)).toContain("nonsense");
    expect(f.gateway.subscriptionStats().upstream).toBe(0);
    await s.close();

    // over HTTP, a subscription is refused with a pointer to WebSocket
    const http = await gqlRaw(f.gatewayUrl, CHANGES);
    expect(http.errors?.[0]?.extensions?.code).toBe("SUBSCRIPTION_OVER_HTTP");
  });

  it("calls the auth hook on connect and on every subscribe", async () => {
    authCalls.length = 0;
    const refused = subscriber(f.gatewayUrl, { token: "bad" }).subscribe(CHANGES);
    await waitFor(() => refused.error !== undefined);
    expect((refused.error as { code: number }).code).toBe(4401);
    await refused.close();

    const forged = subscriber(f.gatewayUrl, { authorization: "Bearer not-a-token" }).subscribe(CHANGES);
    await waitFor(() => forged.error !== undefined);
    expect((forged.error as { code: number }).code).toBe(4401);
    expect(authCalls).toHaveLength(1); // a forged token is refused before the hook: no context can be built for it

    const guest = subscriber(f.gatewayUrl, { headers: { "x-actor": "guest" } }).subscribe(CHANGES);
    await waitFor(() => guest.error !== undefined);
    expect(guest.error).toEqual([expect.objectContaining({ message: "无权订阅部门登记变更", extensions: { code: "FORBIDDEN" } })]);
    await guest.close();

    const clerk = subscriber(f.gatewayUrl, { headers: { "x-actor": "clerk-1", ...(await f.coordinator()) } }).subscribe(CHANGES);
    await live(f.county, 1);
    expect(authCalls.map((c) => c.phase)).toEqual(["connect", "connect", "subscribe", "connect", "subscribe"]);
    expect(authCalls.at(-1)!.operation?.field).toBe("departmentChanged");
    expect(authCalls.at(-1)!.context.identity).toMatchObject({ sub: "coordinator", role: "county_coordinator" });
    expect(authCalls[1]!.context.identity.role).toBe("public");
    expect(authCalls.at(-1)!.request.headers["x-actor"]).toBe("clerk-1");
    await clerk.close();
    await live(f.county, 0);
  });

  it("shares one upstream subscription per filter and identity class, released when its last client leaves", async () => {
    const subs = [0, 1, 2].map(() => subscriber(f.gatewayUrl).subscribe(CHANGES));
    await waitFor(() => f.gateway.subscriptionStats().subscriptions === 3);
    await live(f.county, 1);
    // three anonymous subscribers of one document: one upstream subscription (plus the gateway's registry watch)
    expect(f.gateway.subscriptionStats()).toMatchObject({ subscriptions: 3, upstream: 1 });
    expect(f.county.subscriptionStats().subscriptions).toBe(1 + 1);
    const coordinator = subscriber(f.gatewayUrl, await f.coordinator()).subscribe(CHANGES);
    await waitFor(() => f.gateway.subscriptionStats().upstream === 2);
    await coordinator.close();
    await subs[0]!.close();
    await waitFor(() => f.gateway.subscriptionStats().upstream === 1 && f.gateway.subscriptionStats().subscriptions === 2);
    await Promise.all(subs.slice(1).map((s) => s.close()));
    await waitFor(() => f.gateway.subscriptionStats().upstream === 0 && f.gateway.subscriptionStats().subscriptions === 0);
    await waitFor(() => f.county.bus.stats().subscribers === 1 && f.county.subscriptionStats().subscriptions === 1);
    await waitFor(() => f.gateway.subscriptionStats().connections === 0);
  });

  it("delivers through two gateway instances", async () => {
    const second = await f.addGateway();
    const a = subscriber(f.gatewayUrl).subscribe(CHANGES);
    const b = subscriber(second.url).subscribe(CHANGES);
    await live(f.county, 2, 2);
    await rename(f, "market", "市场监督管理局", second.url);
    const [[ra], [rb]] = await Promise.all([a.received(1), b.received(1)]);
    expect(ra).toEqual(rb);
    expect(ra!.data.departmentChanged.department).toEqual({ code: "market", name: "市场监督管理局", publishedMatterCount: 1 });
    await Promise.all([a.close(), b.close()]);
  });
});

describe("an upstream restart", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start([], { gateway: { subscriptions: { upstream: { retryAttempts: 3, retryDelayMs: () => 100 } } } });
  });
  afterEach(() => closeSubscribers([[f.county, 1]], [f.gateway]));
  afterAll(async () => {
    await f?.stop();
  });

  it("is survived: the gateway resubscribes and events flow again", async () => {
    const s = subscriber(f.gatewayUrl).subscribe("subscription { departmentChanged { kind department { code } } }");
    await live(f.county, 1);
    await register(f, "one", "一局", "http://127.0.0.1:1/graphql");
    await s.received(1);
    const port = f.county.port;
    await f.county.stop();
    f.county = await startCounty({ databaseUrl: f.databaseUrl("county"), port, ...f.countyKeysOptions() });
    await live(f.county, 1);
    expect(f.gateway.subscriptionStats().upstream).toBe(1);
    await register(f, "two", "二局", "http://127.0.0.1:2/graphql");
    const [, second] = await s.received(2);
    expect(second!.data.departmentChanged).toEqual({ kind: "REGISTERED", department: { code: "two" } });
    await s.close();
  });

  it("that does not come back ends the subscription with UPSTREAM_UNAVAILABLE and completes it", async () => {
    const s = subscriber(f.gatewayUrl).subscribe("subscription { departmentChanged { kind } }");
    await live(f.county, 1);
    await f.county.stop();
    await waitFor(() => s.completed, 15_000, "completion");
    expect(s.results.at(-1)!.errors![0].extensions.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(f.gateway.subscriptionStats().upstream).toBe(0);
    f.county = await startCounty({ databaseUrl: f.databaseUrl("county"), port: f.county.port, ...f.countyKeysOptions() });
    await s.close();
  });
});

// ---- Redis: several county instances, several gateways ----

const redisBin =
  ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find(existsSync) ??
  (spawnSync("which", ["redis-server"]).stdout?.toString().trim() || undefined);
const canRedis = !!process.env.REDIS_URL || !!redisBin;
if (!canRedis)
  console.warn("SKIPPED: the Redis subscription tests need redis-server installed (apt-get install redis-server) or REDIS_URL set");

describe.skipIf(!canRedis)("subscriptions over Redis: two county instances, two gateways", () => {
  let f: TestFederation;
  let redis: ChildProcess | undefined;

  beforeAll(async () => {
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      const port = await freePort();
      redis = spawn(redisBin!, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      redisUrl = `redis://127.0.0.1:${port}`;
    }
    const url = redisUrl;
    const { createEventBus } = await import("@ssj/shared");
    await waitFor(
      async () =>
        await createEventBus({ redisUrl: url })
          .then((b) => b.close().then(() => true))
          .catch(() => false),
      10_000,
      "redis-server",
    );
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }], {
      events: { redisUrl: url, prefix: `ssj-test-${process.pid}-${Date.now()}:` },
    });
  });
  afterEach(() =>
    closeSubscribers([[f.county, 1], ...f.extraCounties.map((c) => [c, 1] as [RunningCounty, number])], [f.gateway, ...f.extraGateways]),
  );
  afterAll(async () => {
    await f?.stop();
    redis?.kill();
  });

  it("delivers an event committed on county A to a subscriber of county B (and of A), through two gateways", async () => {
    expect(f.county.bus.kind).toBe("redis");
    const countyB = await f.addCounty();
    const gatewayB = await f.addGateway(countyB);
    const viaA = subscriber(f.gatewayUrl).subscribe(CHANGES);
    const viaB = subscriber(gatewayB.url).subscribe(CHANGES);
    await Promise.all([live(f.county, 1), live(countyB, 1)]);

    await rename(f, "market", "资阳市市场监督管理局"); // committed by county A
    const [[a1], [b1]] = await Promise.all([viaA.received(1), viaB.received(1)]);
    expect(b1).toEqual(a1);
    expect(b1!.data.departmentChanged).toMatchObject({
      kind: "UPDATED",
      department: { code: "market", name: "资阳市市场监督管理局", publishedMatterCount: 0 },
    });

    // committed by county B; gateway A never saw the mutation, yet its shard map follows the registry
    // event (its registry watch), so the new department's own fields are completed through it too
    const health = await f.addDepartment({ code: "health", name: "卫生健康局" }, false);
    await register(f, "health", "卫生健康局", health.url, gatewayB.url);
    const [[, a2], [, b2]] = await Promise.all([viaA.received(2), viaB.received(2)]);
    expect(a2!.errors).toBeUndefined();
    expect(a2!.data.departmentChanged).toMatchObject({ kind: "REGISTERED", department: { code: "health", publishedMatterCount: 0 } });
    expect(b2).toEqual(a2);

    await Promise.all([viaA.close(), viaB.close()]);
    await Promise.all([live(f.county, 0), live(countyB, 0)]);
    expect(f.gateway.subscriptionStats().upstream + gatewayB.subscriptionStats().upstream).toBe(0);
  });
});
