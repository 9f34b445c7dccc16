import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintUserToken } from "@ssj/gateway";
import { generateSigningKey, publicKeySet, type Identity, type JSONWebKeySet } from "@ssj/shared";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, gqlRaw } from "../../scripts/src/lib/graphql-client.js";
import { dropDatabases } from "../../scripts/src/lib/scratch-databases.js";
import { fillBooks } from "../support/books.js";
import { freePort } from "../support/ports.js";
import { MARKET, registerDepartment } from "../support/register.js";
import { TestSubscriber, waitFor } from "../support/subscriber.js";
import { startDepartmentProcess } from "./support/department-process.js";
import { startServiceProcess, type ServiceProcess } from "./support/service-process.js";

const pgUrl = process.env.TEST_PG_URL;
const redisBin =
  ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find(existsSync) ??
  (spawnSync("which", ["redis-server"]).stdout?.toString().trim() || undefined);
const runnable = !!pgUrl && (!!process.env.REDIS_URL || !!redisBin);
if (!runnable) console.warn("SKIPPED: the production topology test needs TEST_PG_URL and redis-server (or REDIS_URL), as .ci/run provides");

const DRAW_EVENTS = "subscription($p: ID) { drawChanged(planId: $p) { kind draw { id } } }";
const KINDS = ["CREATED", "FROZEN", "SEEDED", "DRAWN", "PUBLISHED"];

/**
 * The production topology of docs/deployment.md as real processes, with the commands of compose.yaml:
 * 2 gateways, 2 county instances on one PostgreSQL database sharing events through Redis, a department.
 * A draw's steps go alternately through both gateways; the county instance executing it is killed with
 * kill -9 and the draw completes through the other. No duplicate visit, every audit entry, every event
 * delivered to subscribers of both gateways.
 */
describe.skipIf(!runnable)("production topology: 2 gateways, 2 county instances, PostgreSQL, Redis", () => {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const db = (name: string) => `${pgUrl!.replace(/\/?$/, "/")}ssj_topo_${run}_${name}`;
  // each service its own key set (docs/architecture.md, "Trust"); both county instances share the county's
  // keys and its checkpoint key, as they share its database
  const keySet = (): JSONWebKeySet => ({ keys: [generateSigningKey()] });
  const keys = { gateway: keySet(), county: keySet(), market: keySet() };
  const departmentKeys = { own: keys.market, gateway: keys.gateway, county: keys.county };
  const pub = (k: JSONWebKeySet) => JSON.stringify(publicKeySet(k));
  const checkpointKeyFile = join(mkdtempSync(join(tmpdir(), "ssj-topo-")), "checkpoint-key.pem");
  const jwtSecret = randomBytes(32).toString("hex");
  const metricsToken = randomBytes(16).toString("hex");
  const token = async (identity: Identity) => ({
    authorization: `Bearer ${await mintUserToken(identity, { secret: jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE })}`,
  });
  const coordinator = () => token({ sub: "coordinator", role: "county_coordinator", region: "512000" } as Identity);
  let redis: ChildProcess | undefined;
  let redisUrl: string;
  const processes: ServiceProcess[] = [];
  const subscribers: TestSubscriber[] = [];
  let countyA: ServiceProcess;
  let countyB: ServiceProcess;
  let gatewayA: ServiceProcess;
  let gatewayB: ServiceProcess;
  let matterIds: string[];

  const countyEnv = () => ({
    DATABASE_URL: db("county"),
    SIGNING_KEYS: JSON.stringify(keys.county),
    GATEWAY_PUBLIC_KEYS: pub(keys.gateway),
    CHECKPOINT_KEY_FILE: checkpointKeyFile,
    METRICS_TOKEN: metricsToken,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `ssj-topo-${run}:`,
  });
  const startCounty = async (name: string, port = 0) => {
    const p = await startServiceProcess(name, "subgraphs/county/dist/main.js", { ...countyEnv(), PORT: String(port) });
    processes.push(p);
    return p;
  };
  const startGateway = async (name: string, county: ServiceProcess) => {
    const p = await startServiceProcess(name, "gateway/dist/main.js", {
      COUNTY_URL: county.url,
      SIGNING_KEYS: JSON.stringify(keys.gateway),
      JWT_SECRET: jwtSecret,
    });
    processes.push(p);
    return p;
  };

  beforeAll(async () => {
    redisUrl = process.env.REDIS_URL ?? "";
    if (!redisUrl) {
      const port = await freePort();
      redis = spawn(redisBin!, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      redisUrl = `redis://127.0.0.1:${port}`;
    }
    countyA = await startCounty("county-a"); // the first instance migrates the shared database
    countyB = await startCounty("county-b");
    const market = await startDepartmentProcess({
      code: MARKET.code,
      name: MARKET.name,
      databaseUrl: db("department_market"),
      keys: departmentKeys,
    });
    processes.push(market);
    gatewayA = await startGateway("gateway-a", countyA);
    gatewayB = await startGateway("gateway-b", countyB);
    await registerDepartment(gatewayA.url, { ...MARKET, url: market.url }, await coordinator());
    const admin = await token({ sub: "admin.market", role: "department_admin", department: "market" } as Identity);
    matterIds = await fillBooks(
      gatewayA.url,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 2000], inspectors: [1, 2, 3, 4, 5, 6] },
      admin,
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.close().catch(() => undefined)));
    for (const p of processes.reverse()) await p.stop();
    redis?.kill();
    await dropDatabases(pgUrl!, `ssj_topo_${run}_`);
  }, 60_000);

  it("completes a draw through the other county after kill -9 mid-execute, losing nothing", async () => {
    const headers = await coordinator();
    const via = (g: ServiceProcess) => (query: string, variables: Record<string, unknown>) => gqlRaw<any>(g.url, query, variables, headers);
    const [a, b] = [via(gatewayA), via(gatewayB)];
    const planId = (
      await gql<any>(
        gatewayA.url,
        "mutation($i: PlanInput!) { createPlan(input: $i) { id } }",
        {
          i: {
            name: "生产拓扑测试",
            leadDepartment: "market",
            matters: matterIds.map((id) => ({ department: "market", matterId: id })),
            ratios: { D: 0.1, C: 0.1, B: 0.1, A: 0.1 },
            windowStart: "2027-04-01",
            windowEnd: "2027-04-30",
          },
        },
        headers,
      )
    ).createPlan.id;
    const viaA = new TestSubscriber(gatewayA.url, headers).subscribe(DRAW_EVENTS, { p: planId });
    const viaB = new TestSubscriber(gatewayB.url, headers).subscribe(DRAW_EVENTS, { p: planId });
    subscribers.push(viaA, viaB);
    const metric = async (p: ServiceProcess, name: string) => {
      const text = await fetch(p.url.replace(/\/graphql$/, "/metrics"), { headers: { authorization: `Bearer ${metricsToken}` } })
        .then((r) => r.text())
        .catch(() => "");
      return Number(new RegExp(`^${name} (\\d+)`, "m").exec(text)?.[1] ?? 0);
    };
    // each county instance holds its gateway's registry watch and the subscriber's drawChanged
    const live = (county: ServiceProcess) =>
      waitFor(async () => (await metric(county, "graphql_ws_subscriptions")) >= 2, 60_000, `${county.name} subscriptions`); // the gateways reconnect with backoff up to 4 s
    await Promise.all([live(countyA), live(countyB)]);

    const created = await b("mutation($p: ID!, $k: String) { createDraw(planId: $p, idempotencyKey: $k) { id } }", {
      p: planId,
      k: `create-${run}`,
    });
    expect(created.errors).toBeUndefined();
    const drawId = created.data.createDraw.id;
    expect((await a("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: drawId })).data.freezeDraw.status).toBe("FROZEN");
    expect(
      (await b('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { status } }', { d: drawId })).data.enterCeremonyValues
        .status,
    ).toBe("SEEDED");

    // executeDraw through gateway A; county A is killed while it works on it
    const execute = "mutation($d: ID!, $k: String) { executeDraw(drawId: $d, idempotencyKey: $k) { status visitCount } }";
    const key = `execute-${run}`;
    const lost = a(execute, { d: drawId, k: key });
    await new Promise((r) => setTimeout(r, 40));
    await countyA.kill9();
    const first = await lost;
    console.log(`execute through the killed county answered: ${JSON.stringify(first.errors?.[0]?.extensions?.code ?? first.data)}`);

    // the orchestrator restarts it (same port); meanwhile the draw is completed through the other instance
    countyA = await startCounty("county-a-restarted", countyA.port);
    await live(countyA);
    const retried = await b(execute, { d: drawId, k: key });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.executeDraw.status).toBe("DRAWN");
    if (!first.errors) expect(first.data).toEqual(retried.data); // committed before the kill: the retry answers the same
    const published = await a("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d: drawId });
    expect(published.data.publishDraw.status).toBe("PUBLISHED");

    const check = (
      await gql<any>(
        gatewayB.url,
        "query($d: ID!) { draw(id: $d) { visitCount visits(first: 500) { totalCount nodes { uscc } } auditLog { action } verification { chainValid } } }",
        { d: drawId },
        await token({ sub: "auditor", role: "auditor" } as Identity),
      )
    ).draw;
    const usccs = check.visits.nodes.map((v: any) => v.uscc);
    expect(check.visits.totalCount).toBe(check.visitCount);
    expect(new Set(usccs).size).toBe(usccs.length); // no duplicate visits
    expect(check.auditLog.map((e: any) => e.action)).toEqual([
      "DRAW_CREATED",
      "DRAW_FROZEN",
      "CEREMONY_VALUES_ENTERED",
      "DRAW_EXECUTED",
      "DRAW_PUBLISHED",
    ]);
    expect(check.verification.chainValid).toBe(true);

    const [ea, eb] = await Promise.all([viaA.received(KINDS.length, 20_000), viaB.received(KINDS.length, 20_000)]);
    // an event announced by the instance killed a moment later is completed once the county answers again
    const kinds = (events: { data?: any; errors?: any[] }[]) => events.map((e) => e.data?.drawChanged?.kind ?? e.errors);
    expect(kinds(ea)).toEqual(KINDS);
    expect(kinds(eb)).toEqual(KINDS);
  }, 240_000);
});
