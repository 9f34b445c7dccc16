/**
 * `npm run conformance:federation`: the Apollo Federation subgraph compatibility suite
 * (@apollo/federation-subgraph-compatibility-tests 1.2.1), run without Docker, PM2 or rover.
 *
 *   :4001  products   our fixture (test/conformance/products): type-graphql + buildFederatedSchema + startService
 *   :4002  users      the suite's own subgraph (dist/subgraphs/users)
 *   :4003  inventory  the suite's own subgraph (dist/subgraphs/inventory)
 *   :4000  gateway    OUR gateway (startGateway from @ssj/gateway), on a supergraph composed here with
 *                     @apollo/composition from the products SDL it serves and the suite's users/inventory SDL
 *
 * Then the suite's jest tests run against :4001 (PRODUCTS_URL) and :4000; a summary is printed per
 * suite test and per assertion; everything is stopped; the exit code is 1 if anything failed.
 * Nothing else may listen on 4000–4003 meanwhile (the county service of `npm start` uses 4001).
 */
import { composeServices } from "@apollo/composition";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, startGateway, type RunningGateway } from "@ssj/gateway";
import { generateSigningKey } from "@ssj/shared";
import { parse } from "graphql";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { startProcess, stopAll, type ServiceProcess } from "../lib/processes.js";
import { assertPortsFree, onInterrupt, postGraphQL, waitGraphQL } from "./support.js";

const root = resolve(import.meta.dirname, "../../..");
const require = createRequire(import.meta.url);
const suiteDir = dirname(require.resolve("@apollo/federation-subgraph-compatibility-tests/package.json"));
const suite = {
  version: (JSON.parse(readFileSync(join(suiteDir, "package.json"), "utf8")) as { version: string }).version,
  tests: join(suiteDir, "dist", "tests"),
  jestConfig: join(suiteDir, "federation-jest.config.js"),
  jest: require.resolve("jest/bin/jest", { paths: [suiteDir] }),
  subgraph: (name: string) => join(suiteDir, "dist", "subgraphs", name),
  /** The suite's own list of what it checks (assertion name, report column, required or not). */
  checks: (require(join(suiteDir, "dist", "testRunner.js")) as { TESTS: SuiteCheck[] }).TESTS,
};
const productsMain = join(root, "test", "conformance", "dist", "products", "main.js");

interface SuiteCheck {
  assertion: string;
  column: string;
  fedVersion: number;
  required: boolean;
}

interface JestAssertion {
  ancestorTitles: string[];
  fullName: string;
  title: string;
  status: string;
  failureMessages: string[];
}

interface JestReport {
  success: boolean;
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: { name: string; status: string; message: string; assertionResults: JestAssertion[] }[];
}

/** The ports and URLs the suite has written into its tests and its own subgraphs. */
const PORTS = { gateway: 4000, products: 4001, users: 4002, inventory: 4003 };
const HOST = "127.0.0.1";
const url = (port: number, path = "/") => `http://${HOST}:${port}${path}`;
const SUBGRAPHS = {
  products: url(PORTS.products, "/graphql"),
  users: url(PORTS.users),
  inventory: url(PORTS.inventory),
};
/**
 * The gateway reads its shard map from the county service only for the `department` subgraph (and for
 * /readyz); this supergraph has neither county nor department, so nothing is ever read from here.
 */
const NO_COUNTY = "http://127.0.0.1:9/graphql";

if (!existsSync(productsMain)) {
  console.error(`missing ${productsMain}: build it first (npx tsc -b test/conformance)`);
  process.exit(2);
}

const processes: ServiceProcess[] = [];
let gateway: RunningGateway | undefined;
const work = mkdtempSync(join(tmpdir(), "ssj-federation-conformance-"));
let stopped = false;
const cleanup = async () => {
  if (stopped) return;
  stopped = true;
  await gateway?.stop().catch((e: unknown) => console.error("gateway stop:", e));
  await stopAll(processes);
  rmSync(work, { recursive: true, force: true });
};
const removeInterruptHandlers = onInterrupt(cleanup);

let exitCode = 1;
try {
  await assertPortsFree(Object.values(PORTS), HOST);
  console.log(`federation subgraph compatibility suite ${suite.version}`);

  processes.push(startProcess("users", join(suite.subgraph("users"), "index.js"), { USERS_PORT: String(PORTS.users) }));
  processes.push(startProcess("inventory", join(suite.subgraph("inventory"), "index.js"), { INVENTORY_PORT: String(PORTS.inventory) }));
  processes.push(startProcess("products", productsMain, { PORT: String(PORTS.products), HOST }));
  await Promise.all(processes.map((p) => waitGraphQL(p, SUBGRAPHS[p.name as keyof typeof SUBGRAPHS])));

  // Compose as `rover supergraph compose` would: products from the SDL it serves, users and inventory from the suite's files.
  const served = await postGraphQL<{ _service: { sdl: string } }>(SUBGRAPHS.products, "query { _service { sdl } }");
  if (!served.data?._service?.sdl) throw new Error(`products did not answer _service.sdl: ${JSON.stringify(served.errors)}`);
  const composed = composeServices([
    { name: "products", url: SUBGRAPHS.products, typeDefs: parse(served.data._service.sdl) },
    { name: "users", url: SUBGRAPHS.users, typeDefs: parse(readFileSync(join(suite.subgraph("users"), "users.graphql"), "utf8")) },
    {
      name: "inventory",
      url: SUBGRAPHS.inventory,
      typeDefs: parse(readFileSync(join(suite.subgraph("inventory"), "inventory.graphql"), "utf8")),
    },
  ]);
  if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((e) => `  ${e.message}`).join("\n")}`);
  const supergraphPath = join(work, "supergraph.graphql");
  writeFileSync(supergraphPath, composed.supergraphSdl);
  console.log(`supergraph composed (${composed.hints.length} composition hints)`);

  gateway = await startGateway({
    port: PORTS.gateway,
    host: HOST,
    countyUrl: NO_COUNTY,
    supergraphPath,
    // The suite's supergraph has no Subscription type, so none of the platform's subscription routes apply.
    subscriptions: { routes: [] },
    // Identity as in production, with this run's own secrets. The suite sends no user token, so it
    // queries as the public; the gateway signs that identity to every subgraph (ours and the suite's
    // ignore it: the products fixture is served without `auth`, so the suite can also call it directly).
    auth: {
      users: { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, secret: randomBytes(32).toString("hex") },
      keys: { keys: [generateSigningKey()] },
    },
    // limits and introspection: the gateway's defaults, as in production.
  });
  // The suite posts to the router at "/"; our gateway serves GraphQL at /graphql. Map the path, as an
  // ingress would; everything else (routing, plugins, limits) is the gateway's own.
  gateway.httpServer.prependListener("request", (req) => {
    if (req.url === "/" || req.url?.startsWith("/?")) req.url = `/graphql${req.url.slice(1)}`;
  });
  console.log(`gateway ready at ${gateway.url} (and ${url(PORTS.gateway)})`);

  const report = await runJest(join(work, "jest.json"));
  exitCode = printSummary(report) ? 0 : 1;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  exitCode = 1;
} finally {
  removeInterruptHandlers();
  await cleanup();
}
process.exit(exitCode);

async function runJest(outputFile: string): Promise<JestReport> {
  console.log("running the suite's jest tests…");
  const child = spawn(
    process.execPath,
    [suite.jest, suite.tests, "--ci", "--json", `--outputFile=${outputFile}`, "--config", suite.jestConfig],
    {
      cwd: work,
      env: { ...process.env, PRODUCTS_URL: SUBGRAPHS.products.replace(HOST, "localhost") },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  if (!existsSync(outputFile)) {
    process.stderr.write(log);
    throw new Error(`jest did not run (exit code ${code})`);
  }
  if (code !== 0) process.stderr.write(log.replace(/^/gm, "[jest] "));
  return JSON.parse(readFileSync(outputFile, "utf8")) as JestReport;
}

/** Prints the suite's checks (as in its report) and every jest assertion; true when all passed. */
function printSummary(report: JestReport): boolean {
  const assertions = report.testResults.flatMap((r) => r.assertionResults);
  // As the suite's own report does: a check is the test's name, or the name of its `describe`.
  const checkOf = (a: JestAssertion) => (a.ancestorTitles.length === 0 ? a.fullName : a.ancestorTitles[0]!);
  const checkPassed = (c: SuiteCheck) => {
    const mine = assertions.filter((a) => checkOf(a) === c.assertion);
    return mine.length > 0 && mine.every((a) => a.status === "passed");
  };
  const mark = (ok: boolean) => (ok ? "PASS" : "FAIL");

  console.log(`\n=== Federation subgraph compatibility ${suite.version}: by suite check ===`);
  for (const c of suite.checks) {
    const ran = assertions.some((a) => checkOf(a) === c.assertion);
    console.log(
      `  ${mark(checkPassed(c))}  ${c.column.padEnd(20)} fed ${c.fedVersion}${c.required ? ", required" : ""}${ran ? "" : " (no test ran)"}`,
    );
  }

  console.log(`\n=== by test (${assertions.length}) ===`);
  for (const a of assertions) {
    console.log(`  ${mark(a.status === "passed")}  ${a.fullName}`);
    for (const m of a.failureMessages) {
      const lines = m
        // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes of vitest's messages
        .replace(/\u001b\[[0-9;]*m/g, "")
        .split("\n")
        .slice(0, 12);
      console.log(lines.map((l) => `          ${l.slice(0, 400)}`).join("\n"));
    }
  }
  for (const r of report.testResults) {
    if (r.status === "failed" && r.assertionResults.length === 0) console.log(`  FAIL  ${r.name}: ${r.message.slice(0, 500)}`);
  }

  const checksPassed = suite.checks.filter(checkPassed).length;
  const ok =
    report.success && report.numFailedTests === 0 && report.numRuntimeErrorTestSuites === 0 && checksPassed === suite.checks.length;
  console.log(
    `\nfederation conformance: ${report.numPassedTests}/${report.numTotalTests} tests passed, ` +
      `${checksPassed}/${suite.checks.length} suite checks passed — ${ok ? "OK" : "FAILED"}`,
  );
  return ok;
}
