import "reflect-metadata";
import { startCounty, type RunningCounty } from "@ssj/county";
import { startDepartment, type RunningDepartment } from "@ssj/department";
import { startGateway, type GatewayOptions, type RunningGateway } from "@ssj/gateway";
import type { EventBusConfig } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gql } from "../../scripts/src/lib/graphql-client.js";

export interface TestDepartment {
  code: string;
  name: string;
  kind?: "MARKET_SUPERVISION" | "OTHER";
}

/**
 * A real federation for integration tests: the county service, department instances and the
 * gateway, each on its own HTTP port, each department with its own database. The database is SQLite
 * in a temporary folder, or PostgreSQL when `TEST_PG_URL` is set (one scratch database per service).
 */
export class TestFederation {
  readonly departments = new Map<string, RunningDepartment>();
  private readonly dir = mkdtempSync(join(tmpdir(), "ssj-test-"));
  private readonly run = `${process.pid}_${Date.now().toString(36)}`;
  county!: RunningCounty;
  gateway!: RunningGateway;
  /** Instances started by `addCounty` / `addGateway`, stopped with the federation. */
  readonly extraCounties: RunningCounty[] = [];
  readonly extraGateways: RunningGateway[] = [];
  events: EventBusConfig = {};
  gatewayOptions: Partial<GatewayOptions> = {};

  constructor(readonly pgUrl: string | undefined = process.env.TEST_PG_URL) {}

  get gatewayUrl() {
    return this.gateway.url;
  }

  databaseUrl(service: string): string {
    return this.pgUrl ? `${this.pgUrl.replace(/\/?$/, "/")}ssj_t_${this.run}_${service.replace(/-/g, "_")}` : join(this.dir, `${service}.sqlite`);
  }

  /**
   * `events`: the county's event bus (e.g. `{ redisUrl }`; default in-process); `gateway`: extra gateway
   * options (e.g. `subscriptions: { authorize }`), also used by `addGateway`.
   */
  static async start(departments: TestDepartment[], opts: { pgUrl?: string; events?: EventBusConfig; gateway?: Partial<GatewayOptions> } = {}): Promise<TestFederation> {
    const f = new TestFederation(opts.pgUrl ?? process.env.TEST_PG_URL);
    f.events = opts.events ?? {};
    f.gatewayOptions = opts.gateway ?? {};
    f.county = await startCounty({ databaseUrl: f.databaseUrl("county"), port: 0, events: f.events });
    f.gateway = await startGateway({ port: 0, countyUrl: f.county.url, shardMapTtlMs: 60_000, ...f.gatewayOptions });
    for (const d of departments) await f.addDepartment(d);
    return f;
  }

  /** Starts a department instance and registers it through the gateway. */
  async addDepartment(d: TestDepartment, register = true): Promise<RunningDepartment> {
    const running = await startDepartment({ code: d.code, name: d.name, databaseUrl: this.databaseUrl(`department-${d.code}`), port: 0 });
    this.departments.set(d.code, running);
    if (register) {
      await gql(this.gatewayUrl, "mutation($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { code } }", {
        input: { code: d.code, name: d.name, kind: d.kind ?? "OTHER", region: "512000", level: "CITY", url: running.url },
      });
    }
    return running;
  }

  /** Another county instance on the same database and the same event bus configuration. */
  async addCounty(): Promise<RunningCounty> {
    const county = await startCounty({ databaseUrl: this.databaseUrl("county"), port: 0, events: this.events });
    this.extraCounties.push(county);
    return county;
  }

  /** Another gateway, in front of `county` (default: the first county instance). */
  async addGateway(county: RunningCounty = this.county, options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
    const gateway = await startGateway({ port: 0, countyUrl: county.url, shardMapTtlMs: 60_000, ...this.gatewayOptions, ...options });
    this.extraGateways.push(gateway);
    return gateway;
  }

  async stopDepartment(code: string): Promise<void> {
    await this.departments.get(code)?.stop();
  }

  async stop(): Promise<void> {
    for (const g of this.extraGateways) await g.stop();
    await this.gateway?.stop();
    for (const d of this.departments.values()) await d.stop();
    for (const c of this.extraCounties) await c.stop();
    await this.county?.stop();
    if (this.pgUrl) await dropDatabases(this.pgUrl, `ssj_t_${this.run}_`);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function dropDatabases(pgUrl: string, prefix: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: `${pgUrl.replace(/\/?$/, "/")}postgres` });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${prefix}%`]);
    for (const r of rows) await client.query(`drop database if exists "${r.datname}" with (force)`);
  } finally {
    await client.end();
  }
}

export { gql };
