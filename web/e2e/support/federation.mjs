/**
 * A real federation for the browser tests, as its own process (its own event loop, apart from the test
 * runner): the county service, the five demo departments and the gateway serving web/dist, each on a
 * free port, SQLite in a temporary folder, loaded with the demo data, demo identity provider on.
 * Prints one line `READY <json>` (addresses and the users' token secret), stops on SIGTERM.
 */
import { startCounty } from "@ssj/county";
import { startDepartment } from "@ssj/department";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, startGateway } from "@ssj/gateway";
import { generateSigningKey } from "@ssj/shared";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_DEPARTMENTS } from "../../../scripts/dist/demo-data/departments.js";
import { bearer } from "../../../scripts/dist/lib/secrets.js";
import { gql } from "../../../scripts/dist/lib/graphql-client.js";
import { seedDemo } from "../../../scripts/dist/seed/seed-demo.js";
import { OIDC_CLIENT_ID, startOidcProvider } from "./oidc.mjs";

// Browser tests share 2 cores with a browser: give departments time (the 5 s production deadline would turn
// a slow answer into DEPARTMENT_UNAVAILABLE) and never open the circuit breaker on a slow seed.
process.env.DEPARTMENT_TIMEOUT_MS ??= "60000";
process.env.DEPARTMENT_BREAKER_FAILURES ??= "100000";

const subjects = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), "ssj-web-"));
const secrets = { jwtSecret: randomBytes(32).toString("hex") };
// each service its own signing key (docs/architecture.md, "Trust")
const keySet = () => ({ keys: [generateSigningKey()] });
const keys = { gateway: keySet(), county: keySet() };
const county = await startCounty({
  databaseUrl: join(dir, "county.sqlite"),
  port: 0,
  keys: keys.county,
  gatewayKeys: keys.gateway,
  evidenceDir: join(dir, "evidence"),
});
const users = { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, secret: secrets.jwtSecret };
const gateway = await startGateway({
  port: 0,
  countyUrl: county.url,
  auth: { users, keys: keys.gateway },
  web: { auth: { demo: { ...users, expiresIn: "8h" } } },
});
// A second gateway of the same federation (same county, same trust keys) that trusts only a real OpenID
// Connect provider: its JWKS checks the ID tokens the browser gets by the authorization code flow with PKCE.
const oidc = await startOidcProvider();
const oidcGateway = await startGateway({
  port: 0,
  countyUrl: county.url,
  auth: { users: { issuer: oidc.issuer, audience: OIDC_CLIENT_ID, jwksUrl: `${oidc.issuer}/jwks` }, keys: keys.gateway },
  web: { auth: { oidc: { authority: oidc.issuer, clientId: OIDC_CLIENT_ID, scope: "openid profile" } } },
});
oidc.configure([`http://127.0.0.1:${oidcGateway.port}/oidc/callback`]);
const departments = [];
for (const d of DEMO_DEPARTMENTS)
  departments.push(
    await startDepartment({
      code: d.code,
      name: d.name,
      databaseUrl: join(dir, `${d.code}.sqlite`),
      port: 0,
      keys: keySet(),
      trust: { gateway: keys.gateway, county: keys.county },
    }),
  );
const coordinator = await bearer(secrets, { sub: "setup", role: "county_coordinator" });
for (const [i, d] of DEMO_DEPARTMENTS.entries())
  await gql(
    gateway.url,
    "mutation($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { code } }",
    { input: { code: d.code, name: d.name, kind: d.kind, region: d.region, level: d.level, url: departments[i].url } },
    coordinator,
  );
await seedDemo(gateway.url, { subjects, secrets });

let stopping = false;
process.on("SIGTERM", async () => {
  if (stopping) return;
  stopping = true;
  // A browser's graphql-ws socket left open can keep a server's close waiting: never hang the test run on it.
  setTimeout(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }, 10_000).unref();
  await gateway.stop();
  gateway.httpServer.close();
  await oidcGateway.stop();
  oidcGateway.httpServer.close();
  await oidc.close();
  await Promise.all(departments.map((d) => d.stop()));
  await county.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
console.log(
  `READY ${JSON.stringify({
    baseUrl: `http://127.0.0.1:${gateway.port}`,
    gatewayUrl: gateway.url,
    jwtSecret: secrets.jwtSecret,
    oidcBaseUrl: `http://127.0.0.1:${oidcGateway.port}`,
    oidcIssuer: oidc.issuer,
  })}`,
);
