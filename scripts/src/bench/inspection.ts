/**
 * `npm run bench:inspection` — prints figures, asserts nothing.
 * A joint draw of two departments over the same subjects gives N joint visits; each is carried through the
 * gateway from start to published: start, one finding per matter, one small evidence file, end, then for
 * each department submit, review, publish. Throughput, p50/p99 per step, evidence upload MB/s.
 * Options: --visits 5000 --concurrency 8 --evidence-kb 32 --postgres postgres://… (default: embedded SQLite).
 */
import type { Identity, SubjectRecordInput } from "@ssj/shared";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { DEPARTMENTS, departmentSubjects } from "../demo-data/index.js";
import { BENCH_TYPE, fillBenchBooks, startBenchFederation } from "../lib/bench-setup.js";
import { gql } from "../lib/graphql-client.js";
import { percentile } from "../lib/measure.js";
import { bearer } from "../lib/secrets.js";

const { values: args } = parseArgs({
  options: {
    visits: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "8" },
    "evidence-kb": { type: "string", default: "32" },
    postgres: { type: "string" },
  },
});
const N = Number(args.visits);
const TEAM = [DEPARTMENTS[0]!, DEPARTMENTS[2]!]; // market + emergency, as SCENARIOS §4
const bench = await startBenchFederation("inspection", TEAM, { gateway: 4950, county: 4951, firstDepartment: 4960 }, args.postgres);
const { url, secrets, coordinator } = bench;
const tokens = new Map<string, Promise<Record<string, string>>>();
const as = (i: Identity) => {
  const k = JSON.stringify(i);
  if (!tokens.has(k)) tokens.set(k, bearer(secrets, i));
  return tokens.get(k)!;
};
const timings = new Map<string, number[]>();
async function timed<T>(step: string, f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await f();
  (timings.get(step) ?? timings.set(step, []).get(step)!).push(performance.now() - t);
  return r;
}

try {
  console.log(
    `\n== setup: ${TEAM.map((d) => d.code).join(" + ")}, ${N.toLocaleString()} shared subjects (${args.postgres ? "PostgreSQL" : "SQLite"}) ==`,
  );
  const subjects: SubjectRecordInput[] = [];
  for (const r of departmentSubjects("market", { seed: "bench-inspection", count: Math.ceil(N * 1.1) })) {
    if (subjects.length >= N) break;
    subjects.push({ ...r, supervisionTypes: [BENCH_TYPE] });
  }
  const matters: { department: string; matterId: string }[] = [];
  for (const d of TEAM) {
    const { matterId } = await fillBenchBooks(bench, d, {
      matterCode: `INSP-${d.code}`,
      matterName: `${d.name}检查事项`,
      inspectors: 400,
      subjects,
    });
    matters.push({ department: d.code, matterId });
  }
  const call = <T = any>(q: string, v: Record<string, unknown>, h: Record<string, string> = coordinator) => gql<T>(url, q, v, h);
  const { createJointPlan } = await call("mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }", {
    i: {
      name: "基准：检查全过程",
      leadDepartment: TEAM[0]!.code,
      cooperatingDepartments: [TEAM[1]!.code],
      matters,
      ratios: { FLAGGED: 1, D: 1, C: 1, B: 1, A: 1 },
      windowStart: "2027-04-01",
      windowEnd: "2027-06-30",
      cap: N,
    },
  });
  const { createDraw } = await call("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: createJointPlan.id });
  const d = createDraw.id;
  await call("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d });
  await call('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { seed } }', { d });
  await call("mutation($d: ID!) { executeDraw(drawId: $d) { visitCount } }", { d });
  await call("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d });
  const visits: any[] = [];
  for (let after: string | null = null; ;) {
    const { draw }: any = await call(
      "query($d: ID!, $a: String) { draw(id: $d) { visits(first: 1000, after: $a) { pageInfo { hasNextPage endCursor } nodes { id teams { department matters { id } inspectors { id } } } } } }",
      { d, a: after },
    );
    visits.push(...draw.visits.nodes);
    if (!draw.visits.pageInfo.hasNextPage) break;
    after = draw.visits.pageInfo.endCursor;
  }
  console.log(`${visits.length.toLocaleString()} visits drawn`);

  const evidenceBytes = Number(args["evidence-kb"]) * 1024;
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  let uploadMs = 0;
  const one = async (v: any) => {
    const teams: any[] = v.teams;
    const people = await Promise.all(
      teams.map((t) =>
        as({
          sub: `b.${t.department}.${t.inspectors[0].id}`,
          role: "inspector",
          department: t.department,
          inspectorId: t.inspectors[0].id,
        }),
      ),
    );
    const lead = people[0]!;
    await timed("start", () =>
      call(
        "mutation($i: StartVisitInput!) { startVisit(input: $i) { status } }",
        {
          i: {
            visitId: v.id,
            present: teams.map((t) => `${t.department}:${t.inspectors[0].id}`),
            certificatesShown: true,
            noticeNumber: `基准-${v.id}`,
          },
        },
        lead,
      ),
    );
    for (const [k, t] of teams.entries())
      for (const m of t.matters)
        await timed("finding", () =>
          call(
            "mutation($i: FindingInput!) { recordFinding(input: $i) { result } }",
            {
              i: { visitId: v.id, department: t.department, matterId: m.id, result: "NO_PROBLEM", description: "未发现问题" },
            },
            people[k]!,
          ),
        );
    const body = Buffer.concat([PNG, randomBytes(Math.max(0, evidenceBytes - PNG.length))]);
    const t0 = performance.now();
    await timed("evidence", async () => {
      const res = await fetch(url.replace(/\/graphql$/, `/visits/${v.id}/evidence`), {
        method: "POST",
        headers: { ...lead, "content-type": "image/png" },
        body,
      });
      if (res.status !== 201) throw new Error(`evidence upload answered ${res.status}: ${await res.text()}`);
    });
    uploadMs += performance.now() - t0;
    await timed("end", () => call("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: v.id }, lead));
    for (const [k, t] of teams.entries()) {
      const admin = await as({ sub: `bench.${t.department}`, role: "department_admin", department: t.department });
      const op = (name: string, h: Record<string, string>, extra = "") =>
        timed(name, () =>
          call(
            `mutation($v: ID!, $d: String!) { ${name}(visitId: $v, department: $d${extra}) { status } }`,
            { v: v.id, d: t.department },
            h,
          ),
        );
      await op("submitReport", people[k]!);
      await op("reviewReport", admin, ", approve: true");
      await op("publishReport", admin);
    }
  };
  console.log(`\n== ${visits.length.toLocaleString()} visits start → published, ${args.concurrency} at a time ==`);
  const queue = [...visits];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Number(args.concurrency) }, async () => {
      for (let v = queue.shift(); v; v = queue.shift()) await one(v);
    }),
  );
  const total = (performance.now() - t0) / 1000;
  console.log(`total ${total.toFixed(1)} s — ${(visits.length / total).toFixed(1)} visits/s start → published`);
  for (const [step, list] of timings) {
    list.sort((a, b) => a - b);
    console.log(
      `${step.padEnd(14)} n=${String(list.length).padStart(6)}  p50 ${percentile(list, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(list, 99).toFixed(1).padStart(7)} ms`,
    );
  }
  const mb = (visits.length * evidenceBytes) / 1024 / 1024;
  console.log(
    `evidence upload ${mb.toFixed(1)} MB, ${(mb / (uploadMs / 1000 / Number(args.concurrency))).toFixed(1)} MB/s across ${args.concurrency} uploaders`,
  );
} finally {
  await bench.stop();
}
