import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintUserToken } from "@ssj/gateway";
import { countyDatabase } from "@ssj/county";
import { generateSigningKey, openDatabase, publicKeySet, type Identity, type JSONWebKeySet } from "@ssj/shared";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, gqlRaw } from "../../scripts/src/lib/graphql-client.js";
import { fillBooks } from "../support/books.js";
import { MARKET, registerDepartment } from "../support/register.js";
import { startDepartmentProcess } from "./support/department-process.js";
import { startServiceProcess, type ServiceProcess } from "./support/service-process.js";

/**
 * Each state transition of a draw is one transaction (docs/performance.md, "Draw at county scale"): the county
 * process is killed with kill -9 at random points of freezing and of executing a draw over a few thousand
 * subjects; after each kill its SQLite database holds the previous state with nothing half-written (no pool
 * rows without a FROZEN draw, no visit or record without a DRAWN one), or the next state whole. The county is
 * started again on the same port and the step re-run; the finished draw verifies.
 */
describe("a draw survives kill -9 of the county at random points", () => {
  const dir = mkdtempSync(join(tmpdir(), "ssj-draw-crash-"));
  const keySet = (): JSONWebKeySet => ({ keys: [generateSigningKey()] });
  const keys = { gateway: keySet(), county: keySet(), market: keySet() };
  const pub = (k: JSONWebKeySet) => JSON.stringify(publicKeySet(k));
  const jwtSecret = randomBytes(32).toString("hex");
  const countyDb = join(dir, "county.sqlite");
  const token = async (identity: Identity) => ({
    authorization: `Bearer ${await mintUserToken(identity, { secret: jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE })}`,
  });
  const coordinator = () => token({ sub: "coordinator", role: "county_coordinator", region: "512000" } as Identity);
  const processes: ServiceProcess[] = [];
  let county: ServiceProcess;
  let gateway: ServiceProcess;
  let drawId: string;

  const startCounty = async (port = 0) => {
    const p = await startServiceProcess("county", "subgraphs/county/dist/main.js", {
      DATABASE_URL: countyDb,
      PORT: String(port),
      SIGNING_KEYS: JSON.stringify(keys.county),
      GATEWAY_PUBLIC_KEYS: pub(keys.gateway),
      CHECKPOINT_KEY_FILE: join(dir, "checkpoint-key.pem"),
    });
    processes.push(p);
    return p;
  };
  const call = async (query: string, variables: Record<string, unknown>) => gqlRaw(gateway.url, query, variables, await coordinator());
  /** The draw's rows as the database holds them right now (the county being dead, nothing is in flight). */
  const stateOf = async () => {
    const orm = await openDatabase({ ...countyDatabase(countyDb), migrate: false });
    try {
      const conn = orm.em.getConnection();
      const id = Number(drawId);
      const [draw] = (await conn.execute("select status, digests, visit_count from draw where id = ?", [id])) as any[];
      const count = async (table: string) =>
        Number(((await conn.execute(`select count(*) as n from ${table} where draw_id = ?`, [id])) as { n: number }[])[0]!.n);
      return {
        status: draw.status as string,
        digests: draw.digests ? JSON.parse(draw.digests) : null,
        visitCount: Number(draw.visit_count),
        pools: await count("draw_pool"),
        records: await count("draw_record"),
        visits: await count("visit"),
      };
    } finally {
      await orm.close();
    }
  };
  /** Sends `mutation`, kills the county after a random delay below `maxMs`, and starts it again; returns the state between. */
  const killDuring = async (mutation: string, maxMs: number) => {
    const pending = call(mutation, { d: drawId }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, Math.random() * maxMs));
    await county.kill9();
    await pending;
    const state = await stateOf();
    console.log(`kill -9 during ${mutation.match(/\{ (\w+)\(/)?.[1]}: the database holds a ${state.status} draw`);
    county = await startCounty(county.port);
    return state;
  };

  beforeAll(async () => {
    county = await startCounty();
    const keysOfMarket = { own: keys.market, gateway: keys.gateway, county: keys.county };
    const market = await startDepartmentProcess({
      code: MARKET.code,
      name: MARKET.name,
      databaseUrl: join(dir, "market.sqlite"),
      keys: keysOfMarket,
    });
    processes.push(market);
    gateway = await startServiceProcess("gateway", "gateway/dist/main.js", {
      COUNTY_URL: county.url,
      SIGNING_KEYS: JSON.stringify(keys.gateway),
      JWT_SECRET: jwtSecret,
    });
    processes.push(gateway);
    await registerDepartment(gateway.url, { ...MARKET, url: market.url }, await coordinator());
    const admin = await token({ sub: "admin.market", role: "department_admin", department: "market" } as Identity);
    const matters = await fillBooks(
      gateway.url,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 3000], inspectors: [1, 2, 3, 4, 5, 6] },
      admin,
    );
    const plan = await gql<any>(
      gateway.url,
      "mutation($i: PlanInput!) { createPlan(input: $i) { id } }",
      {
        i: {
          name: "2027 断电测试",
          leadDepartment: "market",
          matters: matters.map((id) => ({ department: "market", matterId: id })),
          ratios: { FLAGGED: 0.5, D: 0.3, C: 0.2, B: 0.1, A: 0.1 },
          windowStart: "2027-04-01",
          windowEnd: "2027-06-30",
          workloadCap: 2000,
        },
      },
      await coordinator(),
    );
    drawId = (
      await gql<any>(gateway.url, "mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: plan.createPlan.id }, await coordinator())
    ).createDraw.id;
  }, 300_000);

  afterAll(async () => {
    for (const p of processes.reverse()) await p.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("freezes whole or not at all, and the re-run freezes the same candidate pool", async () => {
    const candidateDigests = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const s = await killDuring("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", 1500);
      if (s.status === "CREATED") expect(s).toMatchObject({ digests: null, pools: 0 });
      else {
        // candidates, inspectors, experts, committed, salts, subjects (names and source directories)
        expect(s).toMatchObject({ status: "FROZEN", pools: 6 });
        candidateDigests.add(s.digests.candidates);
        break;
      }
    }
    if ((await stateOf()).status === "CREATED") {
      const r = await call("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: drawId });
      expect(r.errors).toBeUndefined();
    }
    const frozen = await stateOf();
    expect(frozen).toMatchObject({ status: "FROZEN", pools: 6, records: 0, visits: 0 });
    expect(candidateDigests.size <= 1 && [...candidateDigests].every((d) => d === frozen.digests.candidates)).toBe(true);
  }, 300_000);

  it("executes whole or not at all, and the re-run gives a record that verifies", async () => {
    const seeded = await call('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { status } }', { d: drawId });
    expect(seeded.errors).toBeUndefined();
    for (let round = 0; round < 4; round++) {
      const s = await killDuring("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", 1500);
      if (s.status === "SEEDED") expect(s).toMatchObject({ records: 0, visits: 0, visitCount: 0 });
      else {
        expect(s.status).toBe("DRAWN");
        expect(s.records).toBe(1);
        expect(s.visits).toBe(s.visitCount);
        break;
      }
    }
    if ((await stateOf()).status === "SEEDED")
      expect((await call("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: drawId })).errors).toBeUndefined();
    const drawn = await stateOf();
    expect(drawn.status).toBe("DRAWN");
    expect(drawn.visits).toBeGreaterThan(300);
    expect(drawn.visits).toBe(drawn.visitCount);
    const v = await call("query($d: ID!) { draw(id: $d) { verification { ok problems { check message } } } }", { d: drawId });
    expect((v.data as any).draw.verification).toEqual({ ok: true, problems: [] });
  }, 300_000);
});
