import "reflect-metadata";
import { startCounty, type CountyServiceOptions, type RunningCounty } from "@ssj/county";
import { startDepartment, type RunningDepartment } from "@ssj/department";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintUserToken, startGateway, type GatewayOptions, type RunningGateway } from "@ssj/gateway";
import { generateSigningKey, Issuer, type Identity, type JSONWebKeySet, type Signer } from "@ssj/shared";
import { randomBytes } from "node:crypto";
import type { EventBusConfig } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gql, gqlRaw, type GraphQLResponse } from "../../scripts/src/lib/graphql-client.js";
import { dropDatabases } from "../../scripts/src/lib/scratch-databases.js";
import { IDENTITY_HEADER, signIdentity } from "@ssj/shared";
import { uploadCsv } from "./csv.js";

export interface TestDepartment {
  code: string;
  name: string;
  kind?: "MARKET_SUPERVISION" | "OTHER";
  region?: string;
  level?: "CITY" | "COUNTY";
  parentCode?: string;
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
  /** Secrets of this federation: users' tokens (HS256), and each service's own key set (Ed25519). */
  readonly jwtSecret = randomBytes(32).toString("hex");
  /** The gateway's key set; tests may add a key in place (rotation), every service sees it at once. */
  readonly gatewayKeys: JSONWebKeySet = { keys: [generateSigningKey()] };
  readonly countyKeys: JSONWebKeySet = { keys: [generateSigningKey()] };
  /** The scrape token of every service's /metrics. */
  readonly metricsToken = randomBytes(16).toString("hex");
  /** Each department instance's own key set. */
  readonly departmentKeys = new Map<string, JSONWebKeySet>();
  private readonly tokens = new Map<string, Promise<string>>();
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
    return this.pgUrl
      ? `${this.pgUrl.replace(/\/?$/, "/")}ssj_t_${this.run}_${service.replace(/-/g, "_")}`
      : join(this.dir, `${service}.sqlite`);
  }

  /**
   * `events`: the county's event bus (e.g. `{ redisUrl }`; default in-process); `gateway`: extra gateway
   * options (e.g. `subscriptions: { authorize }`), also used by `addGateway`.
   */
  static async start(
    departments: TestDepartment[],
    opts: {
      pgUrl?: string;
      events?: EventBusConfig;
      gateway?: Partial<GatewayOptions>;
      evidenceMaxBytes?: number;
      referralDelivery?: CountyServiceOptions["referralDelivery"];
    } = {},
  ): Promise<TestFederation> {
    const f = new TestFederation(opts.pgUrl ?? process.env.TEST_PG_URL);
    f.events = opts.events ?? {};
    f.gatewayOptions = opts.gateway ?? {};
    f.county = await startCounty({
      databaseUrl: f.databaseUrl("county"),
      port: 0,
      events: f.events,
      evidenceDir: join(f.dir, "evidence"),
      evidenceMaxBytes: opts.evidenceMaxBytes,
      referralDelivery: opts.referralDelivery,
      ...f.countyKeysOptions(),
    });
    f.gateway = await startGateway({
      port: 0,
      countyUrl: f.county.url,
      shardMapTtlMs: 60_000,
      auth: f.gatewayAuth(),
      metricsToken: f.metricsToken,
      ...f.gatewayOptions,
    });
    for (const d of departments) await f.addDepartment(d);
    return f;
  }

  /** Starts a department instance and registers it through the gateway. */
  async addDepartment(d: TestDepartment, register = true): Promise<RunningDepartment> {
    const running = await startDepartment({
      code: d.code,
      name: d.name,
      databaseUrl: this.databaseUrl(`department-${d.code}`),
      port: 0,
      keys: this.keysOf(d.code),
      trust: { gateway: this.gatewayKeys, county: this.countyKeys },
      metricsToken: this.metricsToken,
    });
    this.departments.set(d.code, running);
    if (register) {
      await gql(
        this.gatewayUrl,
        "mutation($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { code } }",
        {
          input: {
            code: d.code,
            name: d.name,
            kind: d.kind ?? "OTHER",
            region: d.region ?? "512000",
            level: d.level ?? "CITY",
            url: running.url,
            parentCode: d.parentCode ?? null,
          },
        },
        await this.coordinator(),
      );
    }
    return running;
  }

  /** Another county instance on the same database and the same event bus configuration. */
  async addCounty(): Promise<RunningCounty> {
    const county = await startCounty({
      databaseUrl: this.databaseUrl("county"),
      port: 0,
      events: this.events,
      ...this.countyKeysOptions(),
    });
    this.extraCounties.push(county);
    return county;
  }

  /** Another gateway, in front of `county` (default: the first county instance). */
  async addGateway(county: RunningCounty = this.county, options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
    const gateway = await startGateway({
      port: 0,
      countyUrl: county.url,
      shardMapTtlMs: 60_000,
      auth: this.gatewayAuth(),
      metricsToken: this.metricsToken,
      ...this.gatewayOptions,
      ...options,
    });
    this.extraGateways.push(gateway);
    return gateway;
  }

  /** The gateway's auth configuration for this federation's secrets. */
  gatewayAuth(): GatewayOptions["auth"] {
    return { users: { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, secret: this.jwtSecret }, keys: this.gatewayKeys };
  }

  /** The county's own key set and the gateway's public keys it trusts. */
  countyKeysOptions() {
    return { keys: this.countyKeys, gatewayKeys: this.gatewayKeys, metricsToken: this.metricsToken };
  }

  /** A department instance's own key set (created on first use). */
  keysOf(code: string): JSONWebKeySet {
    let keys = this.departmentKeys.get(code);
    if (!keys) this.departmentKeys.set(code, (keys = { keys: [generateSigningKey()] }));
    return keys;
  }

  /** The signers of this federation: the gateway, the county and each department instance. */
  signer(who: "gateway" | "county" | { department: string }): Signer {
    if (who === "gateway") return { issuer: Issuer.GATEWAY, keys: this.gatewayKeys };
    if (who === "county") return { issuer: Issuer.COUNTY, keys: this.countyKeys };
    return { issuer: Issuer.department(who.department), keys: this.keysOf(who.department) };
  }

  /** Headers of a signed-in user (a demo identity provider's token). */
  async as(identity: Identity): Promise<Record<string, string>> {
    const key = JSON.stringify(identity);
    if (!this.tokens.has(key))
      this.tokens.set(key, mintUserToken(identity, { secret: this.jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE }));
    return { authorization: `Bearer ${await this.tokens.get(key)}` };
  }

  /**
   * Functional tests act as the person who would do each thing: a mutation naming a department as that
   * department's admin, anything else as the county coordinator. Who may do what is tested on its own
   * (test/authorization.test.ts), with explicit identities.
   */
  private async actingAs(query: string, variables: Record<string, unknown>): Promise<Record<string, string>> {
    if (/^\s*mutation\b/.test(query)) {
      const literal = /department:\s*"([a-z][a-z0-9-]*)"/.exec(query)?.[1];
      const variable = /department:\s*\$(\w+)/.exec(query)?.[1];
      const department = literal ?? (variable ? (variables[variable] as string | undefined) : undefined);
      if (department) return this.admin(department);
    }
    return this.coordinator();
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<T> {
    return gql<T>(this.gatewayUrl, query, variables, headers ?? (await this.actingAs(query, variables)));
  }

  async gqlRaw<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>> {
    return gqlRaw<T>(this.gatewayUrl, query, variables, headers ?? (await this.actingAs(query, variables)));
  }

  /** Uploads a CSV into a department's directory through the gateway, as its admin unless told otherwise. */
  async upload(department: string, body: Buffer, query: Record<string, string> = {}, headers?: Record<string, string>) {
    return uploadCsv(this.gatewayUrl, department, body, query, headers ?? (await this.admin(department)));
  }

  /** The signed identity header the gateway (or `signer`) would send, for calls straight to a subgraph. */
  async internal(identity: Identity, query: string, signer: Signer = this.signer("gateway")): Promise<Record<string, string>> {
    return { [IDENTITY_HEADER]: await signIdentity(identity, signer, query) };
  }

  coordinator() {
    return this.as({ sub: "coordinator", role: "county_coordinator", region: "512000" });
  }

  admin(department: string) {
    return this.as({ sub: `admin.${department}`, role: "department_admin", department });
  }

  auditor() {
    return this.as({ sub: "auditor", role: "auditor" });
  }

  inspector(department: string, inspectorId: string) {
    return this.as({ sub: `inspector.${department}.${inspectorId}`, role: "inspector", department, inspectorId });
  }

  async stopDepartment(code: string): Promise<void> {
    await this.departments.get(code)?.stop();
  }

  /** Starts a stopped department instance again: same database, same port, so the registry's URL holds. */
  async restartDepartment(code: string): Promise<RunningDepartment> {
    const old = this.departments.get(code);
    if (!old) throw new Error(`no department ${code}`);
    const running = await startDepartment({
      code,
      name: old.department.name,
      databaseUrl: this.databaseUrl(`department-${code}`),
      port: Number(new URL(old.url).port),
      keys: this.keysOf(code),
      trust: { gateway: this.gatewayKeys, county: this.countyKeys },
      metricsToken: this.metricsToken,
    });
    this.departments.set(code, running);
    return running;
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

export { gql };
