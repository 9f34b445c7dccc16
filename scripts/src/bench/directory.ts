/**
 * `npm run bench:directory` — prints figures, asserts nothing.
 *  1. CSV import of 200,000 subjects into one department through the gateway (the file made first, then
 *     streamed from disk): rows/s, peak memory.
 *  2. One cross-department query over 1,000 subjects, each with five departments' records:
 *     latency and SQL statements per department instance, first with the gateway's response cache off (an
 *     execution each time), then through a second gateway with it on (RESPONSE_CACHE_MS=1000).
 * Options: --rows 200000 --runs 20 --postgres postgres://… (default: embedded SQLite)
 *          --port 4600 (the gateway; the county on the next port, the cached gateway on the one after, departments from +10:
 *          a run stays within 15 ports, so that engineers given a range of ports each can run it side by side).
 *          --profile <dir>: every service runs under `node --cpu-prof` and writes its profile into <dir> when it stops
 *          (two minutes' grace to write it, as in bench:joint); then the department's top self-time functions are printed.
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEPARTMENTS, departmentSubjects } from "../demo-data/index.js";
import { launchFederation } from "../lib/federation.js";
import { gql } from "../lib/graphql-client.js";
import { metric, peakRssMiB, percentile } from "../lib/measure.js";
import { cpuMs, profileOf, topSelfTime } from "./cpu.js";
import type { Topology } from "../lib/topology.js";
import { dropDatabases } from "../lib/scratch-databases.js";
import { uploadCsvFile, uploadSubjects } from "../lib/upload.js";
import { writeSubjectsCsv } from "../demo-data/csv.js";
import { bearer, DEMO_USERS, loadSecrets } from "../lib/secrets.js";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "200000" },
    runs: { type: "string", default: "20" },
    postgres: { type: "string" },
    port: { type: "string", default: "4600" },
    profile: { type: "string" },
  },
});
const profileDir = args.profile ? resolve(args.profile) : undefined;
if (profileDir) {
  mkdirSync(profileDir, { recursive: true });
  process.env.SSJ_SERVICE_NODE_FLAGS = `--cpu-prof --cpu-prof-dir=${profileDir}`;
}
const rows = Number(args.rows);
const port = Number(args.port);
// The services run as deployed (the Dockerfile sets NODE_ENV=production): in development mode graphql-js checks
// every type test for a second copy of itself (instanceOf), ≈ 5 % of a department's CPU in this query. Printed with the figures.
process.env.NODE_ENV ??= "production";
const dir = mkdtempSync(join(tmpdir(), "ssj-bench-"));
const topology: Topology = {
  dataDir: dir,
  gatewayPort: port,
  countyPort: port + 1,
  departments: DEPARTMENTS.map((d, i) => ({ ...d, port: port + 10 + i })),
  postgresUrl: args.postgres,
  databasePrefix: `ssj_bench_directory_${process.pid}_`, // the run's own PostgreSQL databases, dropped at the end
};
const secrets = loadSecrets(dir);
// the latency of an execution is measured, not the gateway's response cache: repeated identical queries
// would be answered from it (docs/performance.md, "The gateway's response cache"); part 2 also measures it on
const federation = await launchFederation(topology, secrets, { gateway: { responseCacheMs: 0 } });
const admin = (department: string) => bearer(secrets, { sub: `bench.${department}`, role: "department_admin", department });
const url = federation.gatewayUrl;
const departmentPid = federation.process("market").child.pid; // its profile is looked up after the services stop
const deptUrl = (code: string) => `http://127.0.0.1:${topology.departments.find((d) => d.code === code)!.port}/graphql`;

try {
  console.log(`\n== 1. CSV import: ${rows.toLocaleString()} subjects into "market" (${args.postgres ? "PostgreSQL" : "SQLite"}) ==`);
  // market supervises almost every subject; take its directory from a slightly larger universe
  const directory = (function* () {
    let n = 0;
    for (const r of departmentSubjects("market", { seed: "bench", count: Math.ceil(rows * 1.1) })) {
      if (n++ >= rows) return;
      yield r;
    }
  })();
  // the file is made first: the import is timed, not the generator (which shared the two cores with it)
  const csv = join(dir, "directory.csv");
  await writeSubjectsCsv(directory, createWriteStream(csv));
  console.log(`file              ${(statSync(csv).size / 2 ** 20).toFixed(1)} MiB, UTF-8`);
  // Reads of the same department while the import runs: they must stay responsive (chunked writes).
  const reader = await admin("market");
  const readLatencies: number[] = [];
  let importing = true;
  let readFailures = 0;
  const reads = (async () => {
    while (importing) {
      const t = performance.now();
      // a read refused meanwhile (the department's deadline passed on a loaded machine) is counted, not fatal
      await gql(url, `{ department(code: "market") { subjects(first: 10) { totalCount } } }`, {}, reader).then(
        () => readLatencies.push(performance.now() - t),
        (e: unknown) => {
          if (!readFailures++) console.log(`first read refused: ${String(e)}`);
        },
      );
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const pid = (name: string) => federation.process(name).child.pid;
  const cpuBefore = { department: cpuMs(pid("market")), gateway: cpuMs(pid("gateway")) };
  const t0 = performance.now();
  const report = await uploadCsvFile(url, "market", csv, { headers: await admin("market") }).finally(() => (importing = false));
  const seconds = (performance.now() - t0) / 1000;
  await reads;
  readLatencies.sort((a, b) => a - b);
  console.log(`rows imported     ${report.created.toLocaleString()} (rejected ${report.rejected})`);
  console.log(`time              ${seconds.toFixed(1)} s`);
  console.log(`throughput        ${Math.round(report.created / seconds).toLocaleString()} rows/s`);
  // CPU time follows the code, wall time the machine's load: both are printed
  const cpuOf = (name: "department" | "gateway", service: string) => {
    const before = cpuBefore[name];
    const after = cpuMs(pid(service));
    return before === null || after === null
      ? "n/a"
      : `${((after - before) / 1000).toFixed(1)} s (${Math.round(((after - before) * 1000) / rows)} µs/row)`;
  };
  const cpuAfterImport = { department: cpuMs(pid("market")), gateway: cpuMs(pid("gateway")) };
  console.log(`CPU meanwhile     department ${cpuOf("department", "market")}, gateway ${cpuOf("gateway", "gateway")}`);
  console.log(
    `reads meanwhile   ${readLatencies.length}, p50 ${percentile(readLatencies, 50).toFixed(0)} ms, p95 ${percentile(readLatencies, 95).toFixed(0)} ms, max ${(readLatencies.at(-1) ?? 0).toFixed(0)} ms, failed ${readFailures}`,
  );
  // The CPU figures above include the reads served meanwhile (the gateway's nearly all of it): the same read,
  // repeated after the import on the full table, gives what one costs, and an estimate of the import alone
  // (a lower bound: a read on the full table costs at least what it cost on the growing one).
  const probes = 20;
  for (let i = 0; i < probes; i++) await gql(url, `{ department(code: "market") { subjects(first: 10) { totalCount } } }`, {}, reader);
  const perRead = (name: "department" | "gateway", service: string) => {
    const before = cpuAfterImport[name];
    const after = cpuMs(pid(service));
    return before === null || after === null ? null : (after - before) / probes;
  };
  const readCpu = { department: perRead("department", "market"), gateway: perRead("gateway", "gateway") };
  const withoutReads = (name: "department" | "gateway") => {
    const [before, after, read] = [cpuBefore[name], cpuAfterImport[name], readCpu[name]];
    if (before === null || after === null || read === null) return "n/a";
    const ms = Math.max(0, after - before - read * readLatencies.length);
    return `${(ms / 1000).toFixed(1)} s (${Math.round((ms * 1000) / rows)} µs/row)`;
  };
  console.log(
    `CPU per read      department ${readCpu.department?.toFixed(0) ?? "n/a"} ms, gateway ${readCpu.gateway?.toFixed(0) ?? "n/a"} ms (${probes} reads after the import)`,
  );
  console.log(
    `CPU of the import department ${withoutReads("department")}, gateway ${withoutReads("gateway")} (the reads meanwhile taken off)`,
  );
  const peak = (name: string) => peakRssMiB(federation.process(name).child.pid);
  console.log(`peak RSS          department ${peak("market")} MiB, gateway ${peak("gateway")} MiB, county ${peak("county")} MiB`);
  console.log(
    `load average      ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores shared: a loaded machine gives lower figures)`,
  );

  console.log("\n== 2. one query over 1,000 subjects, five departments' records each ==");
  const sample = [
    ...(function* () {
      let n = 0;
      for (const r of departmentSubjects("market", { seed: "bench", count: 2000 })) if (n++ < 1000) yield r;
    })(),
  ];
  for (const d of topology.departments.filter((d) => d.code !== "market")) {
    await uploadSubjects(
      url,
      d.code,
      sample.map((r) => ({ ...r, riskClass: "C" })),
      { headers: await admin(d.code) },
    );
  }
  const query = `query($f: SubjectFilter) { department(code: "market") { subjects(first: 1000, filter: $f) { nodes { uscc name subject { records { department riskClass name } } } } } }`;
  const region = { f: { region: "5" } };
  const runs = Number(args.runs);
  const coordinator = await bearer(secrets, DEMO_USERS[0]!);
  const sqlTotals = async () =>
    Object.fromEntries(
      await Promise.all(
        topology.departments.map(
          async (d) => [d.code, await metric(deptUrl(d.code), "ssj_sql_statements_total", secrets.metricsToken)] as const,
        ),
      ),
    );
  const measure = async (label: string, gatewayUrl: string) => {
    // warm-up, unmeasured: the first executions compile the code paths (JIT) and fill the plan caches
    for (let i = 0; i < 3; i++) await gql(gatewayUrl, query, region, coordinator);
    const latencies: number[] = [];
    const before = await sqlTotals();
    // CPU time per query of each service (from /proc): what the work costs, whatever else loads the machine
    const cpuBefore = new Map(federation.processes.map((p) => [p.name, cpuMs(p.child.pid)]));
    let merged = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const data = await gql<{ department: { subjects: { nodes: { subject: { records: unknown[] } }[] } } }>(
        gatewayUrl,
        query,
        region,
        coordinator,
      );
      latencies.push(performance.now() - t);
      merged = data.department.subjects.nodes.reduce((n, s) => n + s.subject.records.length, 0);
    }
    const after = await sqlTotals();
    const cpu = federation.processes.flatMap((p) => {
      const [a, b] = [cpuBefore.get(p.name), cpuMs(p.child.pid)];
      return a == null || b == null || b === a ? [] : [`${p.name} ${((b - a) / runs).toFixed(0)}`];
    });
    latencies.sort((a, b) => a - b);
    console.log(`-- ${label}`);
    console.log(`records per answer ${merged} (1,000 subjects)`);
    console.log(
      `latency            p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms over ${runs} runs`,
    );
    console.log(
      `SQL per query      ${topology.departments.map((d) => `${d.code} ${((after[d.code]! - before[d.code]!) / runs).toFixed(1)}`).join(", ")}`,
    );
    console.log(`CPU ms per query   ${cpu.join(", ")} (after 3 warm-up queries; services' NODE_ENV=${process.env.NODE_ENV ?? "unset"})`);
  };
  await measure("response cache off (RESPONSE_CACHE_MS=0): every query executed", url);
  const cachedUrl = await federation.addGateway("gateway-cached", port + 2, { responseCacheMs: 1000 });
  await measure("response cache on (RESPONSE_CACHE_MS=1000), a second gateway", cachedUrl);
  console.log(
    `load average       ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores shared: a loaded machine gives slower figures)`,
  );
} finally {
  await federation.stop(profileDir ? 120_000 : undefined);
  if (args.postgres) await dropDatabases(args.postgres, topology.databasePrefix!);
  rmSync(dir, { recursive: true, force: true });
}
const departmentProfile = profileDir ? profileOf(profileDir, departmentPid) : null;
if (profileDir) {
  // the department's whole life: the import is most of its busy time (part 2's reads the rest)
  console.log(`\n== department profile: ${departmentProfile ?? "not written"} ==`);
  if (departmentProfile)
    for (const { place, ms, share } of topSelfTime(departmentProfile, 25))
      console.log(`${(share * 100).toFixed(1).padStart(5)} %  ${(ms / 1000).toFixed(2).padStart(6)} s  ${place}`);
}
