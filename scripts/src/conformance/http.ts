/**
 * `npm run conformance:http`: the GraphQL-over-HTTP audit of graphql-http (`auditServer`) against
 *
 *   - our gateway, in front of a county service and one department instance (the pattern of
 *     test/support/federation.ts: each on its own ephemeral port, SQLite databases in a temp folder);
 *   - that department instance directly (a subgraph as `startService` serves it), each request
 *     signed as the gateway signs it (a department answers nothing the gateway did not sign).
 *
 * Prints every notice and warning with its id and text, a summary per server, and exits 1 on any
 * error (a MUST of the spec not met). Notices and warnings do not fail the run.
 */
import "reflect-metadata";
import { startCounty, type RunningCounty } from "@ssj/county";
import { startDepartment, type RunningDepartment } from "@ssj/department";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintUserToken, startGateway, type RunningGateway } from "@ssj/gateway";
import { generateSigningKey, IDENTITY_HEADER, Issuer, PUBLIC_IDENTITY, signIdentity } from "@ssj/shared";
import { auditServer, type AuditResult } from "graphql-http";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gql } from "../lib/graphql-client.js";
import { onInterrupt } from "./support.js";

const require = createRequire(import.meta.url);
const auditVersion = (
  JSON.parse(readFileSync(join(dirname(require.resolve("graphql-http")), "..", "package.json"), "utf8")) as { version: string }
).version;

/**
 * The notices and warnings we keep, and why (the README lists them too). Anything not listed here is
 * printed as not yet reviewed: decide, then fix it or add it here and to the README.
 */
const KEPT: Record<string, string> = {
  "5A70":
    "GET is refused by Apollo Server's CSRF prevention (on in every service) unless a preflight-forcing header comes with it (Apollo-Require-Preflight, X-Apollo-Operation-Name or a non-simple Content-Type)",
  D6D5: "same as 5A70: a GET without a preflight-forcing header is refused as a possible CSRF",
  "6A70": "same as 5A70: a GET without a preflight-forcing header is refused as a possible CSRF",
  "572B":
    "Apollo Server answers a document that does not parse with 400 whatever the Accept; the 200 is a SHOULD for legacy application/json clients",
  FDE2: "Apollo Server answers a document that does not validate with 400 whatever the Accept (see 572B)",
  "7B9B": "Apollo Server answers variables that do not coerce with 400 whatever the Accept (see 572B)",
};

const DEPARTMENT = { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION", region: "512000", level: "CITY" };

/** This run's secrets: users' tokens (HS256, the demo identity provider) and the services' signatures. */
const users = { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, secret: randomBytes(32).toString("hex") };
const gatewayKeys = { keys: [generateSigningKey()] };
const countyKeys = { keys: [generateSigningKey()] };

/**
 * A department instance answers only requests the gateway signed (x-ssj-identity, bound to the query
 * text). The audit calls it directly, so this fetch signs each request as the gateway would for an
 * anonymous user: the public identity, bound to the query the service will read (the JSON body's
 * `query`, else the URL's `query` parameter, else "").
 */
async function fetchSignedAsGateway(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const headers = new Headers(init.headers);
  let fromBody: unknown;
  if (typeof init.body === "string" && /^application\/json\b/i.test(headers.get("content-type") ?? "")) {
    try {
      fromBody = (JSON.parse(init.body) as { query?: unknown } | null)?.query;
    } catch {
      // not JSON: the service answers 400 before it reads any identity
    }
  }
  const query = typeof fromBody === "string" ? fromBody : (url.searchParams.get("query") ?? "");
  headers.set(IDENTITY_HEADER, await signIdentity(PUBLIC_IDENTITY, { issuer: Issuer.GATEWAY, keys: gatewayKeys }, query));
  return fetch(input, { ...init, headers });
}

const dir = mkdtempSync(join(tmpdir(), "ssj-http-conformance-"));
let county: RunningCounty | undefined;
let gateway: RunningGateway | undefined;
let department: RunningDepartment | undefined;
let stopped = false;
const cleanup = async () => {
  if (stopped) return;
  stopped = true;
  for (const s of [gateway, department, county]) await s?.stop().catch((e: unknown) => console.error(e));
  rmSync(dir, { recursive: true, force: true });
};
const removeInterruptHandlers = onInterrupt(cleanup);

let exitCode = 1;
try {
  county = await startCounty({ databaseUrl: join(dir, "county.sqlite"), port: 0, keys: countyKeys, gatewayKeys });
  // Limits, introspection and the rest: the gateway's defaults, as in production.
  gateway = await startGateway({ port: 0, countyUrl: county.url, shardMapTtlMs: 60_000, auth: { users, keys: gatewayKeys } });
  department = await startDepartment({
    code: DEPARTMENT.code,
    name: DEPARTMENT.name,
    databaseUrl: join(dir, `department-${DEPARTMENT.code}.sqlite`),
    port: 0,
    keys: { keys: [generateSigningKey()] },
    trust: { gateway: gatewayKeys, county: countyKeys },
  });
  const coordinator = await mintUserToken({ sub: "coordinator", role: "county_coordinator", region: DEPARTMENT.region }, users);
  await gql(
    gateway.url,
    "mutation($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { code } }",
    { input: { ...DEPARTMENT, url: department.url } },
    { authorization: `Bearer ${coordinator}` },
  );

  console.log(`graphql-http ${auditVersion} auditServer`);
  const targets = [
    // As an anonymous client: no token, the public identity.
    { name: "gateway", url: gateway.url, fetchFn: fetch },
    // As the gateway calls it: every request signed.
    { name: `department instance (${DEPARTMENT.code})`, url: department.url, fetchFn: fetchSignedAsGateway },
  ];
  const summaries: string[] = [];
  let errors = 0;
  for (const t of targets) {
    const { result: results, malformedJsonLogged } = await quietMalformedJson(() => auditServer({ url: t.url, fetchFn: t.fetchFn }));
    errors += report(t.name, t.url, results, summaries);
    if (malformedJsonLogged)
      console.log(`  (the server logged ${malformedJsonLogged} malformed JSON request bodies: the audit sends them on purpose)`);
  }
  console.log(`\n=== GraphQL over HTTP (graphql-http ${auditVersion}) ===`);
  for (const s of summaries) console.log(`  ${s}`);
  console.log(`\nhttp conformance: ${errors} error(s) — ${errors === 0 ? "OK" : "FAILED"}`);
  exitCode = errors === 0 ? 0 : 1;
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  exitCode = 1;
} finally {
  removeInterruptHandlers();
  await cleanup();
}
process.exit(exitCode);

/**
 * The audit posts bodies that are not JSON on purpose; express answers 400 and logs each error with
 * its stack. Those log lines are counted here instead of printed; every other log line goes through.
 */
async function quietMalformedJson<T>(run: () => Promise<T>): Promise<{ result: T; malformedJsonLogged: number }> {
  const original = console.error;
  let malformedJsonLogged = 0;
  console.error = (...args: unknown[]) => {
    const e = args[0] as { type?: unknown } | undefined;
    if (args.length === 1 && e instanceof Error && e.type === "entity.parse.failed") malformedJsonLogged++;
    else original(...args);
  };
  try {
    return { result: await run(), malformedJsonLogged };
  } finally {
    console.error = original;
  }
}

/** Prints the failing audits of one server; returns how many were errors. */
function report(name: string, url: string, results: AuditResult[], summaries: string[]): number {
  const count = (s: AuditResult["status"]) => results.filter((r) => r.status === s).length;
  console.log(`\n--- ${name}: ${url} ---`);
  for (const r of results) {
    if (r.status === "ok") continue;
    console.log(`  ${r.status.toUpperCase().padEnd(6)} ${r.id}  ${r.name}`);
    console.log(`         ${r.reason}`);
    if (r.status !== "error")
      console.log(
        `         ${KEPT[r.id] ? `kept: ${KEPT[r.id]}` : "NOT YET REVIEWED: fix it, or add it with its reason to KEPT and to the README"}`,
      );
  }
  summaries.push(
    `${name.padEnd(28)} ${results.length} audits: ${count("ok")} ok, ${count("notice")} notice, ${count("warn")} warn, ${count("error")} error`,
  );
  return count("error");
}
