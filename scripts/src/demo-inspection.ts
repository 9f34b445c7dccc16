/* eslint-disable @typescript-eslint/no-explicit-any -- a demo script reads GraphQL answers without generated types */
/**
 * `npm run demo:inspection` — SCENARIOS §4 against the federation `npm start` runs, after `npm run demo` has
 * published a joint draw: one joint visit carried through start, findings, evidence, end, each department's
 * report, review and publication, printing the report due dates and the public result.
 *   Options: --url http://127.0.0.1:4000/graphql
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Identity } from "@ssj/shared";
import { WorkingCalendar } from "@ssj/working-days";
import { gql } from "./lib/graphql-client.js";
import { bearer, DEMO_USERS, loadSecrets } from "./lib/secrets.js";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql" },
    "data-dir": { type: "string", default: process.env.DATA_DIR ?? resolve(import.meta.dirname, "../../data") },
  },
});
const url = args.url!;
const secrets = loadSecrets(args["data-dir"]!, false);
const as = (identity: Identity) => bearer(secrets, identity);
const coordinator = await as(DEMO_USERS[0]!);
const admin = (department: string) => as({ sub: `demo.admin.${department}`, role: "department_admin", department });
const inspector = (department: string, id: string) =>
  as({ sub: `demo.inspector.${department}.${id}`, role: "inspector", department, inspectorId: id });
const call = async <T = any>(query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
  gql<T>(url, query, variables, headers);

/** 2027 as the coordinator would load it once published (the demo's stand-in: 清明 5 April, 国庆, a 调休 Saturday). */
const Y2027 = {
  year: 2027,
  holidays: ["2027-04-05", "2027-10-01", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"],
  workdays: ["2027-10-09"],
};
await call("mutation($s: String!) { loadWorkingCalendar(schedule: $s) { year } }", { s: JSON.stringify(Y2027) }, coordinator);
const example = new WorkingCalendar([Y2027]).addWorkingDays("2027-04-08", 3);
console.log(`工作日历：2027 年已导入。SCENARIOS §4 的例子：2027-04-08 结束检查 → 报告截止 ${example.date}（10–11 日为周末）`);

const { department } = await call(
  '{ department(code: "market") { visits(first: 1000) { nodes { id uscc status departments teams { department matters { id } inspectors { id } } } } } }',
  {},
  coordinator,
);
const visit = department.visits.nodes.find((v: any) => v.status === "SCHEDULED" && v.departments.length >= 2);
if (!visit) {
  console.error("没有待检查的联合检查：请先运行 npm run demo（联合抽查摇号并公开）");
  process.exit(1);
}
const teams: { department: string; matters: { id: string }[]; inspectors: { id: string }[] }[] = visit.teams;
const lead = teams[0]!;
const leadInspector = await inspector(lead.department, lead.inspectors[0]!.id);
console.log(`\n检查 ${visit.id}：${visit.uscc}，部门 ${visit.departments.join("、")}`);

await call(
  "mutation($i: StartVisitInput!) { startVisit(input: $i) { status } }",
  {
    i: {
      visitId: visit.id,
      present: teams.map((t) => `${t.department}:${t.inspectors[0]!.id}`),
      certificatesShown: true,
      noticeNumber: "安市监检通〔2027〕12号",
    },
  },
  leadInspector,
);
console.log("开始检查：已出示执法证件，送达检查通知书 安市监检通〔2027〕12号");
for (const [i, t] of teams.entries()) {
  const me = await inspector(t.department, t.inspectors[0]!.id);
  for (const m of t.matters) {
    const result = i === 0 ? "NO_PROBLEM" : "CORRECTED_ON_ORDER";
    const description = i === 0 ? "检查情况符合要求" : "发现问题，已责令当场改正";
    await call(
      "mutation($i: FindingInput!) { recordFinding(input: $i) { result } }",
      { i: { visitId: visit.id, department: t.department, matterId: m.id, result, description } },
      me,
    );
    console.log(`  ${t.department} 事项 ${m.id}：${result}（${description}）`);
  }
}
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const upload = await fetch(url.replace(/\/graphql$/, `/visits/${visit.id}/evidence?name=现场照片.png`), {
  method: "POST",
  headers: { ...leadInspector, "content-type": "image/png" },
  body: PNG,
});
console.log(`证据：${JSON.stringify(((await upload.json()) as any).data)}`);
await call("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: visit.id }, leadInspector);

const REPORTS =
  "query($v: ID!) { visit(id: $v) { status onSite { endDate } reports { department status dueDate publishDueDate dueProvisional } verification { ok } } }";
const ended = (await call(REPORTS, { v: visit.id }, coordinator)).visit;
console.log(`\n结束检查（${ended.onSite.endDate}）；各部门报告：`);
for (const r of ended.reports)
  console.log(
    `  ${r.department}：报告截止 ${r.dueDate}，公示截止 ${r.publishDueDate}${r.dueProvisional ? "（暂定：所在年份尚无节假日安排）" : ""}`,
  );

for (const t of teams) {
  const me = await inspector(t.department, t.inspectors[0]!.id);
  const boss = await admin(t.department);
  const op = (name: string, headers: Record<string, string>, extra = "") =>
    call(
      `mutation($v: ID!, $d: String!) { ${name}(visitId: $v, department: $d${extra}) { status } }`,
      { v: visit.id, d: t.department },
      headers,
    );
  await op("submitReport", me);
  await op("reviewReport", boss, ", approve: true");
  await op("publishReport", boss);
  await op("recordReportFeedback", me, `, deliveredAt: "${new Date().toISOString()}", method: "当面送达"`);
  console.log(`  ${t.department}：提交 → 审定 → 公示 → 已反馈`);
}
const done = (await call(REPORTS, { v: visit.id }, coordinator)).visit;
console.log(`\n检查状态：${done.status}；全过程记录校验：${done.verification.ok ? "通过" : "不通过"}`);
const { publishedResults } = await call(
  "query($u: String!) { publishedResults(uscc: $u) { nodes { department date summary results { code label } subject { records { name legalRepresentative } } } } }",
  { u: visit.uscc },
  {},
);
console.log("公众看到的结果：");
for (const r of publishedResults.nodes)
  console.log(`  ${r.date} ${r.department}：${r.results.map((x: any) => `${x.code} ${x.label}`).join("；")}（${r.summary}）`);
const rep = publishedResults.nodes[0]?.subject?.records?.[0];
if (rep) console.log(`  主体：${rep.name}，法定代表人 ${rep.legalRepresentative}`);
