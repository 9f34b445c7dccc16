/**
 * `npm start`: the whole federation on this machine — the county service, one instance per demo
 * department (each its own process and database), and the gateway. Demo data is loaded on the first
 * start. A service that crashes is restarted with a back-off (logged); Ctrl-C stops everything, and so
 * does a service that keeps crashing (5 times within a minute).
 *
 *   npm start -- [--fresh] [--subjects 3000] [--postgres postgres://user:pass@127.0.0.1:5432/]
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEMO_DEPARTMENTS } from "./demo-data/index.js";
import { launchFederation, type LocalFederation } from "./lib/federation.js";
import type { Topology } from "./lib/topology.js";
import { loadSecrets } from "./lib/secrets.js";
import { checkPorts } from "./lib/ports.js";
import { seedDemo } from "./seed/seed-demo.js";

const root = resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    fresh: { type: "boolean", default: false },
    subjects: { type: "string", default: process.env.DEMO_SUBJECTS ?? "3000" },
    postgres: { type: "string", default: process.env.PG_URL },
    "data-dir": { type: "string", default: process.env.DATA_DIR ?? resolve(root, "data") },
    port: { type: "string", default: process.env.PORT ?? "4000" },
  },
});

const gatewayPort = /^\d+$/.test(args.port!) ? Number(args.port) : NaN;
const topology: Topology = {
  dataDir: resolve(args["data-dir"]!),
  gatewayPort,
  countyPort: gatewayPort + 1,
  departments: DEMO_DEPARTMENTS.map((d, i) => ({ ...d, port: gatewayPort + 101 + i })),
  postgresUrl: args.postgres || undefined,
};
// Refused at once: a service on a port Node's fetch will not connect to would only fail after a long wait.
const badPort = checkPorts([
  { service: "gateway", port: topology.gatewayPort },
  { service: "county", port: topology.countyPort },
  ...topology.departments.map((d) => ({ service: d.code, port: d.port })),
]);
if (badPort) {
  console.error(`--port ${args.port}: ${badPort}`);
  process.exit(2);
}

if (args.fresh) rmSync(topology.dataDir, { recursive: true, force: true });
mkdirSync(topology.dataDir, { recursive: true });
const secrets = loadSecrets(topology.dataDir);
const seededMarker = resolve(topology.dataDir, topology.postgresUrl ? ".seeded-postgres" : ".seeded");

let federation: LocalFederation | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n正在停止所有服务 / stopping all services …");
  await federation?.stop();
  process.exit(code);
}
process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));

try {
  federation = await launchFederation(topology, secrets, {
    onGiveUp: (name, code) => {
      console.error(`[${name}] 反复崩溃，停止整个联邦 / keeps crashing (last exit code ${code}); stopping the federation`);
      void shutdown(1);
    },
  });
  const { gatewayUrl, countyUrl } = federation;
  if (!existsSync(seededMarker)) {
    console.log(`首次启动：正在载入演示数据（每个部门的名录来自 ${args.subjects} 个市场主体）/ loading demo data …`);
    await seedDemo(gatewayUrl, { subjects: Number(args.subjects), secrets, log: (m) => console.log(`[seed] ${m}`) });
    writeFileSync(seededMarker, new Date().toISOString());
  }

  console.log(`
双随机、一公开 — 联邦已启动 / the federation is running
  GraphQL       ${gatewayUrl}
  IDE           http://127.0.0.1:${topology.gatewayPort}/ide
  health        http://127.0.0.1:${topology.gatewayPort}/healthz   ready: /readyz
  county        ${countyUrl}
${topology.departments.map((d) => `  ${d.code.padEnd(13)} http://127.0.0.1:${d.port}/graphql   ${d.name}`).join("\n")}
  data          ${topology.postgresUrl ? topology.postgresUrl : topology.dataDir}
  tokens        npm run token -- --demo    (IDE → Headers: {"Authorization": "Bearer <token>"})
按 Ctrl-C 停止 / press Ctrl-C to stop`);
} catch (e) {
  console.error(e);
  await shutdown(1);
}
