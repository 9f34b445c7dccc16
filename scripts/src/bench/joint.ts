/**
 * `npm run bench:joint` — prints figures, asserts nothing.
 * A joint draw across 5 departments × 200,000 subjects each (overlapping: consecutive departments
 * share half their directories), from freeze to published visits; peak memory of the county service.
 * Options: --per-department 200000 --departments 5 --cap 5000 --postgres postgres://… (default: embedded SQLite)
 * --port 4900 (the gateway; the county on the next port, the departments from +10).
 * `--departments 1 --per-department 1000000` is the single-department plan over a million subjects.
 * Each phase prints its wall time, the county's CPU time (what the code costs, whatever else loads the
 * machine), the load average and the county's longest wait (how long its /healthz, asked every 50 ms, went
 * unanswered: how long the county's event loop was held by the draw); at the end, the peak RSS of every service.
 * `--profile <dir>`: every service runs under `node --cpu-prof` and writes its profile into <dir> when it stops;
 * the services get two minutes to stop instead of 5 s (writing a large profile takes a while: with the short grace
 * the county was killed before it had written one), then the county's top self-time functions are printed.
 * `--keep-seeded <file>` (SQLite only): a copy of the county's database once the draw is seeded, taken with
 * `vacuum into` — the input of `bench/draw-steps.js`, which times execute and publish alone, again and again.
 */
import type { SubjectRecordInput } from "@ssj/shared";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEPARTMENTS, departmentSubjects } from "../demo-data/index.js";
import { BENCH_TYPE, fillBenchBooks, startBenchFederation } from "../lib/bench-setup.js";
import { gql } from "../lib/graphql-client.js";
import { peakRssMiB } from "../lib/measure.js";
import { watchStalls } from "../lib/stall-watch.js";
import { copyCountyDatabase } from "../lib/sqlite-copy.js";
import { cpuMs, profileOf, topSelfTime } from "./cpu.js";

const { values: args } = parseArgs({
  options: {
    "per-department": { type: "string", default: "200000" },
    departments: { type: "string", default: "5" },
    cap: { type: "string", default: "5000" },
    postgres: { type: "string" },
    profile: { type: "string" },
    port: { type: "string", default: "4900" },
    "keep-seeded": { type: "string" },
  },
});
const profileDir = args.profile ? resolve(args.profile) : undefined;
if (profileDir) {
  mkdirSync(profileDir, { recursive: true });
  process.env.SSJ_SERVICE_NODE_FLAGS = `--cpu-prof --cpu-prof-dir=${profileDir}`;
}
const per = Number(args["per-department"]);
const port = Number(args.port);
const departments = DEPARTMENTS.slice(0, Math.max(1, Math.min(DEPARTMENTS.length, Number(args.departments))));
const bench = await startBenchFederation(
  "joint",
  departments,
  { gateway: port, county: port + 1, firstDepartment: port + 10 },
  args.postgres,
);
const { url, coordinator, federation } = bench;
const countyPid = federation.process("county").child.pid;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(2);

try {
  // A universe of (n + 1)/2 × per subjects; department k holds [k·per/2, k·per/2 + per): neighbours share half.
  const universe = (per * (departments.length + 1)) / 2;
  console.log(
    `\n== setup: ${departments.length} departments × ${per.toLocaleString()} subjects (${args.postgres ? "PostgreSQL" : "SQLite"}) ==`,
  );
  const all: SubjectRecordInput[] = [];
  for (const r of departmentSubjects("market", { seed: "bench-joint", count: Math.ceil(universe * 1.08) })) {
    if (all.length >= universe) break;
    all.push({ ...r, supervisionTypes: [BENCH_TYPE] });
  }
  const matters: { department: string; matterId: string }[] = [];
  for (const [k, d] of departments.entries()) {
    const t = performance.now();
    const start = (k * per) / 2;
    const { matterId, imported } = await fillBenchBooks(bench, d, {
      matterCode: `JOINT-${d.code}`,
      matterName: `${d.name}联合抽查事项`,
      inspectors: 120,
      subjects: Array.from({ length: per }, (_, i) => all[(start + i) % universe]!),
    });
    matters.push({ department: d.code, matterId });
    console.log(`${d.code.padEnd(12)} imported ${imported.created.toLocaleString()} in ${seconds(t)} s (with matter and inspectors)`);
  }
  all.length = 0;

  const joint = departments.length > 1;
  console.log(`\n== ${joint ? "joint" : "single-department"} draw: freeze → published (cap ${args.cap}) ==`);
  const call = <T>(q: string, v: Record<string, unknown>) => gql<T>(url, q, v, coordinator);
  const created = await call<Record<string, { id: string }>>(
    `mutation($i: PlanInput!) { plan: ${joint ? "createJointPlan" : "createPlan"}(input: $i) { id } }`,
    {
      i: {
        name: joint ? `基准：${departments.length}部门联合抽查` : "基准：单部门抽查",
        leadDepartment: departments[0]!.code,
        cooperatingDepartments: departments.slice(1).map((d) => d.code),
        matters,
        ratios: { FLAGGED: 0.05, D: 0.05, C: 0.02, B: 0.01, A: 0.005 },
        windowStart: "2027-04-01",
        windowEnd: "2027-06-30",
        cap: Number(args.cap),
      },
    },
  );
  const { createDraw } = await call<{ createDraw: { id: string } }>("mutation($p: ID!) { createDraw(planId: $p) { id } }", {
    p: created.plan!.id,
  });
  const d = createDraw.id;
  // how long the county kept other requests waiting in each phase (its /healthz asked every 50 ms)
  const stalls = watchStalls(`http://127.0.0.1:${port + 1}`);
  const cpu0 = cpuMs(countyPid) ?? 0;
  let cpu = cpu0;
  // The county's CPU seconds of a phase, and the 1-minute load average: on a shared machine the wall time is noisy.
  const costs = () => {
    const now = cpuMs(countyPid) ?? 0;
    const out = `county CPU ${((now - cpu) / 1000).toFixed(2)} s, load ${loadavg()[0]!.toFixed(2)}`;
    cpu = now;
    return out;
  };
  const stall = () => `county's longest wait ${(stalls.longest() / 1000).toFixed(2)} s`;
  const t0 = performance.now();
  let t = t0;
  const frozen = await call<any>("mutation($d: ID!) { freezeDraw(drawId: $d) { counts { candidates inspectors } } }", { d });
  console.log(
    `freeze     ${seconds(t)} s   (${frozen.freezeDraw.counts.candidates.toLocaleString()} candidates, ${frozen.freezeDraw.counts.inspectors} inspectors; ${costs()}; ${stall()})`,
  );
  t = performance.now();
  await call('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { seed } }', { d });
  console.log(`seed       ${seconds(t)} s   (${costs()}; ${stall()})`);
  if (args["keep-seeded"] && !args.postgres) {
    await copyCountyDatabase(bench.databaseUrl("county"), resolve(args["keep-seeded"]));
    console.log(`seeded county database copied to ${resolve(args["keep-seeded"])} (draw ${d})`);
  }
  t = performance.now();
  const drawn = await call<any>("mutation($d: ID!) { executeDraw(drawId: $d) { visitCount } }", { d });
  console.log(`execute    ${seconds(t)} s   (${drawn.executeDraw.visitCount.toLocaleString()} visits written; ${costs()}; ${stall()})`);
  t = performance.now();
  await call("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d });
  console.log(`publish    ${seconds(t)} s   (${costs()}; ${stall()})`);
  console.log(`total      ${seconds(t0)} s   freeze → published   (county CPU ${((cpu - cpu0) / 1000).toFixed(2)} s)`);
  await stalls.stop();
  const knocks = await call<any>("query($d: ID!) { draw(id: $d) { doorKnocks { visits saved } } }", { d });
  console.log(
    `door-knocks saved ${knocks.draw.doorKnocks.saved.toLocaleString()} of ${(knocks.draw.doorKnocks.visits + knocks.draw.doorKnocks.saved).toLocaleString()}`,
  );
  console.log(`peak RSS   ${federation.processes.map((p) => `${p.name} ${peakRssMiB(p.child.pid)} MiB`).join(", ")}`);
} finally {
  await bench.stop(profileDir ? 120_000 : undefined);
}
const countyProfile = profileDir ? profileOf(profileDir, countyPid) : null;
if (profileDir) {
  // The whole life of the county: it is nearly idle while the departments import, so its busy time is the draw's.
  console.log(`\n== county profile: ${countyProfile ?? "not written"} ==`);
  if (countyProfile)
    for (const { place, ms, share } of topSelfTime(countyProfile, 25))
      console.log(`${(share * 100).toFixed(1).padStart(5)} %  ${(ms / 1000).toFixed(2).padStart(6)} s  ${place}`);
}
