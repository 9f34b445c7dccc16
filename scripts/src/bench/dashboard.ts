/**
 * `npm run bench:dashboard` — prints figures, asserts nothing. The county dashboard query (every
 * department with its counts, and one published joint draw's first 50 visits with the subjects'
 * records from every department) sent by 20 and then 50 concurrent clients for 60 s each, through the
 * gateway of a local federation (`npm start`'s processes, demo data, the demo's joint draw):
 * requests per second, p50/p99 latency, errors, and the resident memory of every service.
 * Also the CPU time each service spent per request, and with --profile where the gateway's CPU went
 * (a V8 profile of the whole run, by category: planning, identity signing, sharding, merging …).
 * Options: --seconds 60 --clients 20,50 --subjects 3000 --postgres postgres://… (default: SQLite) --profile.
 * See docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEMO_DEPARTMENTS } from "../demo-data/index.js";
import { launchFederation } from "../lib/federation.js";
import { gql, gqlRaw } from "../lib/graphql-client.js";
import { metric, percentile } from "../lib/measure.js";
import { bearer, DEMO_USERS, loadSecrets } from "../lib/secrets.js";
import type { Topology } from "../lib/topology.js";
import { dropDatabases } from "../lib/scratch-databases.js";
import { seedDemo } from "../seed/seed-demo.js";
import { cpuMs, profileOf, profileShares } from "./cpu.js";

export const DASHBOARD = `query Dashboard($draw: ID!) {
  departments(first: 50) { nodes { code name publishedMatterCount subjectCountsByRiskClass { riskClass count } } }
  draw(id: $draw) { status visitCount visits(first: 50) { nodes { uscc stratum subject { records { department name address riskClass } } } } }
}`;

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "20,50" },
    subjects: { type: "string", default: "3000" },
    postgres: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});
const root = resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ssj-bench-dashboard-"));
const topology: Topology = {
  dataDir: dir,
  gatewayPort: 4900,
  countyPort: 4901,
  departments: DEMO_DEPARTMENTS.map((d, i) => ({ ...d, port: 5001 + i })),
  postgresUrl: args.postgres,
  databasePrefix: `ssj_bench_dashboard_${process.pid}_`, // the run's own PostgreSQL databases, dropped at the end
};
const secrets = loadSecrets(dir);
const profileDir = join(dir, "profiles");
// every service writes a V8 CPU profile when it stops
if (args.profile) process.env.SSJ_SERVICE_NODE_FLAGS = `--cpu-prof --cpu-prof-dir=${profileDir}`;
const federation = await launchFederation(topology, secrets);
const url = federation.gatewayUrl;

/** Current resident memory of a process (VmRSS), MiB. */
function rssMiB(pid: number | undefined): string {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? `${Math.round(Number(m[1]) / 1024)}` : "?";
  } catch {
    return "?";
  }
}

try {
  console.log(`loading demo data (${args.subjects} subjects) and running the demo's joint draw …`);
  await seedDemo(url, { subjects: Number(args.subjects), secrets });
  const demo = spawnSync(process.execPath, [resolve(root, "scripts/dist/demo.js"), "--url", url, "--data-dir", dir], { encoding: "utf8" });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const headers = await bearer(secrets, DEMO_USERS[0]!);
  const draws = await gql<any>(url, "{ plans(first: 50) { nodes { draws { id status } } } }", {}, headers);
  const drawId = draws.plans.nodes.flatMap((p: any) => p.draws).find((d: any) => d.status === "PUBLISHED")!.id;
  const probe = await gqlRaw<any>(url, DASHBOARD, { draw: drawId }, headers);
  if (probe.errors) throw new Error(`dashboard query failed: ${JSON.stringify(probe.errors)}`);
  console.log(
    `dashboard: ${probe.data.departments.nodes.length} departments, draw #${drawId} with ${probe.data.draw.visits.nodes.length} of ${probe.data.draw.visitCount} visits`,
  );

  for (const clients of args.clients!.split(",").map(Number)) {
    const seconds = Number(args.seconds);
    const end = Date.now() + seconds * 1000;
    const latencies: number[] = [];
    let errors = 0;
    const cpuBefore = new Map(federation.processes.map((p) => [p.name, cpuMs(p.child.pid)]));
    const cacheCounts = () =>
      Promise.all(["hits", "misses"].map((n) => metric(url, `gateway_response_cache_${n}_total`, secrets.metricsToken).catch(() => NaN)));
    const [hits0, misses0] = await cacheCounts();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end) {
          const t = performance.now();
          const r = await gqlRaw<any>(url, DASHBOARD, { draw: drawId }, headers).catch(() => ({ errors: [1] }));
          latencies.push(performance.now() - t);
          if (r.errors) errors++;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    console.log(`\n== ${clients} clients × ${seconds} s (${args.postgres ? "PostgreSQL" : "SQLite"}) ==`);
    console.log(`requests          ${latencies.length} (${errors} with errors)`);
    console.log(`throughput        ${(latencies.length / seconds).toFixed(1)} RPS`);
    console.log(`latency           p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
    const [hits1, misses1] = await cacheCounts();
    console.log(`response cache    ${hits1! - hits0!} answered from it, ${misses1! - misses0!} executed (gateway RESPONSE_CACHE_MS)`);
    console.log(
      `load average      ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} (1/5/15 min; other work shares these cores)`,
    );
    console.log(`RSS (MiB)         ${federation.processes.map((p) => `${p.name} ${rssMiB(p.child.pid)}`).join(", ")}`);
    const perRequest = federation.processes.map((p) => {
      const [a, b] = [cpuBefore.get(p.name), cpuMs(p.child.pid)];
      return `${p.name} ${a == null || b == null ? "?" : ((b - a) / Math.max(1, latencies.length)).toFixed(2)}`;
    });
    console.log(`CPU ms/request    ${perRequest.join(", ")}`);
  }
} finally {
  const gatewayPid = federation.process("gateway").child.pid;
  await federation.stop(args.profile ? 120_000 : undefined); // a profile is written on exit, which takes a while
  if (args.postgres) await dropDatabases(args.postgres, topology.databasePrefix!);
  const profile = args.profile ? profileOf(profileDir, gatewayPid) : null;
  if (profile) {
    console.log(`\ngateway CPU by category (whole run, busy time):`);
    for (const { category, share, top } of profileShares(profile)) {
      console.log(`  ${category.padEnd(24)} ${(share * 100).toFixed(1)} %`);
      for (const place of top) console.log(`      ${place}`);
    }
  } else if (args.profile) console.log("no gateway profile was written");
  rmSync(dir, { recursive: true, force: true });
}
