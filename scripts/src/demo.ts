/* eslint-disable @typescript-eslint/no-explicit-any -- a demo printing answers whose shape is the query text beside them */
/**
 * `npm run demo` — the main job, end to end, against the federation `npm start` runs:
 * a joint plan for catering (市场监管 lead, 卫生健康 and 应急管理 cooperating), freeze, ceremony value,
 * draw, publish, the visits with their merged matters and inspectors by department, and verify-draw
 * on the published record.   Options: --url http://127.0.0.1:4000/graphql --value <ceremony value>
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bearer, DEMO_USERS, loadSecrets } from "./lib/secrets.js";
import { parseArgs } from "node:util";
import { gql } from "./lib/graphql-client.js";
import { verifyPublicFile } from "./verify/verify-file.js";
import { serviceRoute } from "@ssj/shared";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql" },
    // the ceremony value with its provenance (FORMAT.md §2.1): 福彩3D issue 2027087, drawn 31 March
    value: { type: "string", default: "381" },
    source: { type: "string", default: "福彩3D" },
    issue: { type: "string", default: "2027087" },
    date: { type: "string", default: "2027-03-31" },
    witness: { type: "string", default: "纪检监察室 王某" },
    "data-dir": { type: "string", default: process.env.DATA_DIR ?? resolve(import.meta.dirname, "../../data") },
  },
});
const url = args.url!;
// The demo acts as the county coordinator, with a token of the demo identity provider.
const actor = await bearer(loadSecrets(args["data-dir"]!, false), DEMO_USERS[0]!);
const call = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(url, query, variables, actor);

/** Which matters of each department a catering visit carries (by the supervision types they apply to). */
const CATERING: Record<string, string[]> = { market: ["餐饮服务"], health: ["公共场所"], emergency: ["燃气使用场所"] };

interface MatterNode {
  id: string;
  code: string;
  name: string;
  matterClass: string;
  appliesTo: string[];
}
const matters: { department: string; matterId: string }[] = [];
for (const [department, types] of Object.entries(CATERING)) {
  const data = await call<{ department: { name: string; matters: { nodes: MatterNode[] } } }>(
    "query($d: String!) { department(code: $d) { name matters(status: PUBLISHED, first: 200) { nodes { id code name matterClass appliesTo } } } }",
    { d: department },
  );
  const chosen = data.department.matters.nodes.filter((m) => m.matterClass === "KEY" && m.appliesTo.some((t) => types.includes(t)));
  console.log(`${data.department.name}: ${chosen.map((m) => `${m.code} ${m.name}`).join("；")}`);
  matters.push(...chosen.map((m) => ({ department, matterId: m.id })));
}

const { createJointPlan: plan } = await call<{ createJointPlan: { id: string; name: string } }>(
  "mutation($i: PlanInput!) { createJointPlan(input: $i) { id name } }",
  {
    i: {
      name: `2027 餐饮服务单位联合抽查（演示 ${new Date().toISOString().slice(0, 19)}）`,
      leadDepartment: "market",
      cooperatingDepartments: ["health", "emergency"],
      matters,
      scope: { categories: ["餐饮服务"] },
      ratios: { FLAGGED: 0.3, D: 0.3, C: 0.1, B: 0.03, A: 0.01 },
      windowStart: "2027-04-01",
      windowEnd: "2027-04-30",
      cap: null,
    },
  },
);
console.log(`\n计划 / plan #${plan.id}: ${plan.name}`);

const { createDraw } = await call<{ createDraw: { id: string } }>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: plan.id });
const drawId = createDraw.id;
const { freezeDraw } = await call<any>(
  "mutation($d: ID!) { freezeDraw(drawId: $d) { digests { candidates inspectors experts } counts { candidates inspectors experts strata { stratum count } } excluded { reason count } } }",
  { d: drawId },
);
console.log(
  `\n冻结 / frozen: ${freezeDraw.counts.candidates} 户候选, ${freezeDraw.counts.inspectors} 名执法人员, ${freezeDraw.counts.experts} 名专家`,
);
console.log(`  各层 / strata: ${freezeDraw.counts.strata.map((s: any) => `${s.stratum} ${s.count}`).join(", ")}`);
for (const e of freezeDraw.excluded) console.log(`  未列入 / left out: ${e.count} — ${e.reason}`);
console.log(`  候选名录摘要 / candidate pool digest  ${freezeDraw.digests.candidates}`);
console.log(`  人员名录摘要 / inspector pool digest  ${freezeDraw.digests.inspectors}`);

const ceremony = [
  { kind: "LOTTERY", source: args.source, issue: args.issue, date: args.date, value: args.value, witnesses: [args.witness] },
];
const { enterCeremonyValues } = await call<any>(
  "mutation($d: ID!, $c: [CeremonyValueInput!]) { enterCeremonyValues(drawId: $d, ceremony: $c) { seed } }",
  { d: drawId, c: ceremony },
);
console.log(
  `\n现场随机值 / ceremony value: ${args.source} 第 ${args.issue} 期（${args.date}）${args.value}，见证 ${args.witness}\n种子 / seed: ${enterCeremonyValues.seed}`,
);
await call("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: drawId });
await call("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d: drawId });

const { draw } = await call<any>(
  `query($d: ID!) { draw(id: $d) { visitCount doorKnocks { saved byDepartment { department visits } }
      strata { stratum poolSize target drawn }
      visits(first: 1000) { nodes { ticket stratum subject { uscc records { department name address } }
        teams { department matters { code name } inspectors { name certificateNo } } experts { name } } } } }`,
  { d: drawId },
);
console.log(`\n抽中 / drawn: ${draw.visitCount} 户 — ${draw.strata.map((s: any) => `${s.stratum} ${s.drawn}/${s.poolSize}`).join(", ")}`);
console.log(
  `进一次门、查多项事 / door-knocks saved: ${draw.doorKnocks.saved}（各部门单独实施 ${draw.doorKnocks.byDepartment.map((d: any) => `${d.department} ${d.visits}`).join("、")}）\n`,
);
for (const v of draw.visits.nodes.slice(0, 10)) {
  const rec = v.subject.records[0];
  console.log(
    `■ ${rec?.name ?? v.subject.uscc}（${v.subject.uscc}）${rec?.address ?? ""}  [${v.stratum}, ticket ${v.ticket.slice(0, 14)}…]`,
  );
  for (const t of v.teams) {
    console.log(`    ${t.department.padEnd(10)} 事项: ${t.matters.map((m: any) => m.name).join("；")}`);
    console.log(`    ${"".padEnd(10)} 人员: ${t.inspectors.map((i: any) => `${i.name}（${i.certificateNo}）`).join("、")}`);
  }
  if (v.experts.length) console.log(`    专家: ${v.experts.map((e: any) => e.name).join("、")}`);
}
if (draw.visits.nodes.length > 10) console.log(`… 另有 ${draw.visits.nodes.length - 10} 户 / and ${draw.visits.nodes.length - 10} more`);

const recordUrl = serviceRoute(url, `/draws/${drawId}/record.json`);
const file = await (await fetch(recordUrl)).json();
const path = join(tmpdir(), `draw-${drawId}-record.json`);
writeFileSync(path, JSON.stringify(file, null, 2));
console.log(`\n公开记录 / public record: ${recordUrl}\n  saved to ${path}`);
const result = verifyPublicFile(file);
console.log(`npm run verify-draw -- ${path}\n  ${result.ok ? `verified — ${result.scope}` : `NOT verified: ${result.firstDifference}`}`);
if (!result.ok) process.exit(1);

// A drawn subject asks its supervising department for the opening of its own stratum commitment (docs/draw-record.md).
const view = (file as { view: { selected: { id: string }[]; candidates: { subjectId: string; departments: string[] }[] } }).view;
const supervisedByMarket = new Set(view.candidates.filter((c) => c.departments.includes("market")).map((c) => c.subjectId));
const subjectId = view.selected.find((s) => supervisedByMarket.has(s.id))!.id;
const admin = await bearer(
  loadSecrets(args["data-dir"]!, false),
  DEMO_USERS.find((u) => u.department === "market")!,
);
const opened = await gql<{ discloseStratumOpening: { subjectId: string; stratum: string; salt: string } }>(
  url,
  "mutation($d: ID!, $s: String!) { discloseStratumOpening(drawId: $d, subjectId: $s) { subjectId stratum salt commitment } }",
  { d: drawId, s: subjectId },
  admin,
);
const openingPath = join(tmpdir(), `draw-${drawId}-opening-${subjectId}.json`);
writeFileSync(openingPath, JSON.stringify(opened.discloseStratumOpening, null, 2));
const own = verifyPublicFile(file, { opening: opened.discloseStratumOpening as never });
console.log(
  `npm run verify-draw -- ${path} --opening ${openingPath}\n  ${own.ok ? `verified (${own.view}) — ${own.scope}` : `NOT verified: ${own.firstDifference}`}`,
);
if (!own.ok) process.exit(1);
