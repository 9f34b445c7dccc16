/**
 * `npm run bench:joint` — prints figures, asserts nothing.
 * A joint draw across 5 departments × 200,000 subjects each (overlapping: consecutive departments
 * share half their directories), from freeze to published visits; peak memory of the county service.
 * Options: --per-department 200000 --cap 5000 --postgres postgres://… (default: embedded SQLite).
 */
import type { SubjectRecordInput } from "@ssj/shared";
import { parseArgs } from "node:util";
import { DEPARTMENTS, departmentSubjects } from "../demo-data/index.js";
import { BENCH_TYPE, fillBenchBooks, startBenchFederation } from "../lib/bench-setup.js";
import { gql } from "../lib/graphql-client.js";
import { peakRssMiB } from "../lib/measure.js";

const { values: args } = parseArgs({
  options: {
    "per-department": { type: "string", default: "200000" },
    cap: { type: "string", default: "5000" },
    postgres: { type: "string" },
  },
});
const per = Number(args["per-department"]);
const bench = await startBenchFederation("joint", DEPARTMENTS, { gateway: 4900, county: 4901, firstDepartment: 4910 }, args.postgres);
const { url, coordinator, federation } = bench;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(2);

try {
  // A universe of 3 × per subjects; department k holds [k·per/2, k·per/2 + per): neighbours share half.
  const universe = per * 3;
  console.log(
    `\n== setup: ${DEPARTMENTS.length} departments × ${per.toLocaleString()} subjects (${args.postgres ? "PostgreSQL" : "SQLite"}) ==`,
  );
  const all: SubjectRecordInput[] = [];
  for (const r of departmentSubjects("market", { seed: "bench-joint", count: Math.ceil(universe * 1.08) })) {
    if (all.length >= universe) break;
    all.push({ ...r, supervisionTypes: [BENCH_TYPE] });
  }
  const matters: { department: string; matterId: string }[] = [];
  for (const [k, d] of DEPARTMENTS.entries()) {
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

  console.log(`\n== joint draw: freeze → published (cap ${args.cap}) ==`);
  const call = <T>(q: string, v: Record<string, unknown>) => gql<T>(url, q, v, coordinator);
  const { createJointPlan } = await call<{ createJointPlan: { id: string } }>(
    "mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }",
    {
      i: {
        name: "基准：五部门联合抽查",
        leadDepartment: DEPARTMENTS[0]!.code,
        cooperatingDepartments: DEPARTMENTS.slice(1).map((d) => d.code),
        matters,
        ratios: { FLAGGED: 0.05, D: 0.05, C: 0.02, B: 0.01, A: 0.005 },
        windowStart: "2027-04-01",
        windowEnd: "2027-06-30",
        cap: Number(args.cap),
      },
    },
  );
  const { createDraw } = await call<{ createDraw: { id: string } }>("mutation($p: ID!) { createDraw(planId: $p) { id } }", {
    p: createJointPlan.id,
  });
  const d = createDraw.id;
  const t0 = performance.now();
  let t = t0;
  const frozen = await call<any>("mutation($d: ID!) { freezeDraw(drawId: $d) { counts { candidates inspectors } } }", { d });
  console.log(
    `freeze     ${seconds(t)} s   (${frozen.freezeDraw.counts.candidates.toLocaleString()} candidates, ${frozen.freezeDraw.counts.inspectors} inspectors)`,
  );
  t = performance.now();
  await call('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { seed } }', { d });
  console.log(`seed       ${seconds(t)} s`);
  t = performance.now();
  const drawn = await call<any>("mutation($d: ID!) { executeDraw(drawId: $d) { visitCount } }", { d });
  console.log(`execute    ${seconds(t)} s   (${drawn.executeDraw.visitCount.toLocaleString()} visits written)`);
  t = performance.now();
  await call("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d });
  console.log(`publish    ${seconds(t)} s`);
  console.log(`total      ${seconds(t0)} s   freeze → published`);
  const knocks = await call<any>("query($d: ID!) { draw(id: $d) { doorKnocks { visits saved } } }", { d });
  console.log(
    `door-knocks saved ${knocks.draw.doorKnocks.saved.toLocaleString()} of ${(knocks.draw.doorKnocks.visits + knocks.draw.doorKnocks.saved).toLocaleString()}`,
  );
  console.log(
    `peak RSS   county ${peakRssMiB(federation.process("county").child.pid)} MiB, gateway ${peakRssMiB(federation.process("gateway").child.pid)} MiB`,
  );
} finally {
  await bench.stop();
}
