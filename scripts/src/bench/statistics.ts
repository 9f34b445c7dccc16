/**
 * `npm run bench:statistics` — prints figures, asserts nothing.
 * The county's assessment figures (`countyStatistics`) over 5 departments × 200,000 subjects and 20,000 visits:
 * latency p50/p99 over repeated queries through the gateway, SQL statements per service per query (from each
 * service's /metrics), peak RSS per service, and the load average (the machine is shared: figures are noisy).
 * The subjects go in through the real CSV import; the visits, findings, reports, unplanned inspections and
 * handling decisions are written straight into the county's database (the inspection life of 20,000 visits
 * through the API is bench:inspection's subject, not this one's).
 * Options: --subjects 200000 --visits 20000 --runs 30 --postgres postgres://… (default: embedded SQLite). The
 * defaults are the scale the issue asks for: `npm run bench:statistics` alone runs it (docs/performance.md says
 * what it costs); `-- --subjects 2000 --visits 1000 --runs 5` is a quick look.
 *          --response-cache-ms 0 (the gateway's response cache; off by default: the figures measure an execution).
 */
import { countyDatabase } from "@ssj/county";
import { openDatabase, type SubjectRecordInput } from "@ssj/shared";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { DEPARTMENTS, departmentSubjects } from "../demo-data/index.js";
import { benchAdmin, BENCH_TYPE, fillBenchBooks, startBenchFederation } from "../lib/bench-setup.js";
import { gql } from "../lib/graphql-client.js";
import { metric, peakRssMiB, percentile } from "../lib/measure.js";

const { values: args } = parseArgs({
  options: {
    subjects: { type: "string", default: "200000" },
    visits: { type: "string", default: "20000" },
    runs: { type: "string", default: "30" },
    postgres: { type: "string" },
    // the latency of an execution is measured, not the gateway's response cache: repeated identical queries
    // would be answered from it (docs/performance.md, "The gateway's response cache"); 1000 to see it at work
    "response-cache-ms": { type: "string", default: "0" },
  },
});
const PER = Number(args.subjects);
const VISITS = Number(args.visits);
const YEAR = Number(new Date().toLocaleString("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }));
const QUERY = `query($y: Int!) { countyStatistics(year: $y) { doorKnocksSaved departments { department
  matterShare { share target met } plans { plans completed } visitsByStatus { status count } jointVisits
  reports { reports submittedOnTime publishedInTime } problemsByStratum { key problems } problemsByMatter { key problems }
  workload { min median max } unplanned { total flagged } referrals { open closed overdue overdueRectifications } } } }`;
const ports = { gateway: 4970, county: 4971, firstDepartment: 4980 };
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const bench = await startBenchFederation("statistics", DEPARTMENTS, ports, args.postgres, {
  gateway: { responseCacheMs: Number(args["response-cache-ms"]) },
});
const { url, secrets, coordinator } = bench;
try {
  console.log(`\n== setup: ${DEPARTMENTS.length} departments × ${PER.toLocaleString()} subjects, ${VISITS.toLocaleString()} visits ==`);
  const t0 = performance.now();
  // the same PER subjects in every department's books (as bench:joint draws them from one generated universe)
  const subjects: SubjectRecordInput[] = [];
  for (const r of departmentSubjects("market", { seed: "bench-statistics", count: Math.ceil(PER * 1.08) })) {
    if (subjects.length >= PER) break;
    subjects.push({ ...r, supervisionTypes: [BENCH_TYPE] });
  }
  for (const d of DEPARTMENTS) {
    const { imported } = await fillBenchBooks(bench, d, { matterCode: "TJ-1", matterName: "统计基准事项", inspectors: 40, subjects });
    await gql(
      url,
      "mutation($d: String!, $y: Int!) { declareInspectionMatterTotal(department: $d, year: $y, total: 2) { declaredTotal } }",
      { d: d.code, y: YEAR },
      await benchAdmin(secrets, d.code),
    );
    console.log(`${d.code}: ${imported.created} subjects imported`);
  }
  await seedCountyBooks(bench.databaseUrl("county"), Boolean(args.postgres));
  console.log(`setup ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const services = [
    { name: "county", url: `http://127.0.0.1:${ports.county}/graphql` },
    ...DEPARTMENTS.map((d, i) => ({ name: d.code, url: `http://127.0.0.1:${ports.firstDepartment + i}/graphql` })),
  ];
  const statements = async () =>
    Object.fromEntries(
      await Promise.all(
        services.map(async (s) => [s.name, await metric(s.url, "ssj_sql_statements_total", secrets.metricsToken)] as const),
      ),
    );
  await gql(url, QUERY, { y: YEAR }, coordinator); // warm-up
  const before = await statements();
  const first = await gql<any>(url, QUERY, { y: YEAR }, coordinator);
  const after = await statements();
  const latencies: number[] = [];
  for (let n = 0; n < Number(args.runs); n++) {
    const t = performance.now();
    await gql(url, QUERY, { y: YEAR }, coordinator);
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const market = first.countyStatistics.departments.find((d: any) => d.department === "market");
  console.log(`\n== countyStatistics, ${args.postgres ? "PostgreSQL" : "SQLite"}, load average ${load()} ==`);
  console.log(
    `answer            market: ${market.visitsByStatus.reduce((n: number, s: any) => n + s.count, 0)} visits, ${market.reports.reports} reports; door-knocks saved ${first.countyStatistics.doorKnocksSaved}`,
  );
  console.log(
    `latency (${latencies.length} runs) p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
  );
  console.log(`SQL per query     ${services.map((s) => `${s.name} ${after[s.name]! - before[s.name]!}`).join(", ")}`);
  console.log(`peak RSS (MiB)    ${bench.federation.processes.map((p) => `${p.name} ${peakRssMiB(p.child.pid) ?? "?"}`).join(", ")}`);
} finally {
  await bench.stop();
}

/**
 * 20,000 visits of one year, each carrying one to three neighbouring departments (joint when more than one), with
 * one finding and one report per department, a tenth of them unplanned and a handling decision for each problem.
 * Written in batches through the county's own migrations-built database.
 */
async function seedCountyBooks(databaseUrl: string, postgres: boolean): Promise<void> {
  const orm = await openDatabase(countyDatabase(databaseUrl));
  const knex = (orm.em.getConnection() as unknown as { getKnex(): any }).getKnex();
  const when = (iso: string) => (postgres ? new Date(iso) : new Date(iso).getTime());
  const bool = (b: boolean) => (postgres ? b : b ? 1 : 0);
  const codes = DEPARTMENTS.map((d) => d.code);
  const [plan] = await knex("plan")
    .insert({
      name: "统计基准联合计划",
      kind: "JOINT",
      lead_department: codes[0],
      departments: JSON.stringify(codes),
      departments_key: `|${codes.join("|")}|`,
      matters: "[]",
      scope_regions: "[]",
      scope_categories: "[]",
      scope_supervision_types: "[]",
      ratios: JSON.stringify({ FLAGGED: 1, D: 1, C: 1, B: 1, A: 1 }),
      status: "ACTIVE",
      window_start: `${YEAR}-03-01`,
      window_end: `${YEAR}-12-31`,
      min_inspectors: 2,
      allow_borrowing: bool(false),
      cooldown_scope: "PARTICIPANTS",
      disclosure: "IMMEDIATE",
      created_by: "bench",
      created_at: when(`${YEAR}-02-01T00:00:00Z`),
    })
    .returning("id");
  const planId = typeof plan === "object" ? plan.id : plan;
  const STATUS = ["SCHEDULED", "IN_PROGRESS", "INSPECTED", "REPORTED", "REVIEWED", "PUBLISHED", "PUBLISHED", "PUBLISHED"];
  const RESULT = ["NO_PROBLEM", "NO_PROBLEM", "NO_PROBLEM", "CORRECTED_ON_ORDER", "PENDING_FOLLOW_UP", "DISCLOSURE_FALSIFIED"];
  const STRATA = ["A", "B", "C", "D", "FLAGGED"];
  const BATCH = 100; // SQLite allows 500 terms in one compound insert; a visit brings up to three findings
  for (let start = 0; start < VISITS; start += BATCH) {
    await knex.transaction(async (trx: any) => {
      const visits = [];
      for (let n = start; n < Math.min(VISITS, start + BATCH); n++) {
        const team = codes.slice(n % codes.length, (n % codes.length) + 1 + (n % 3));
        const inspectors = Object.fromEntries(team.map((c) => [c, [`${c}:${(n % 40) + 1}`, `${c}:${((n + 7) % 40) + 1}`]]));
        const unplanned = n % 10 === 9;
        visits.push({
          draw_id: unplanned ? null : 1,
          plan_id: unplanned ? null : planId,
          uscc: "91510000MA00000000",
          stratum: unplanned ? "" : STRATA[n % 5],
          ticket: "",
          rank: n,
          matters: JSON.stringify(team.map((c) => `${c}:1`)),
          matter_codes: JSON.stringify(team.map((c) => `${c}:TJ-1`)),
          inspectors: JSON.stringify(inspectors),
          inspectors_key: `|${Object.values(inspectors).flat().join("|")}|`,
          departments_key: `|${team.join("|")}|`,
          experts: "[]",
          status: STATUS[n % STATUS.length],
          created_at: when(`${YEAR}-0${(n % 9) + 1}-15T02:00:00Z`),
          _team: team,
          _unplanned: unplanned,
        });
      }
      const rows = visits.map(({ _team, _unplanned, ...v }) => v);
      const ids: number[] = (await trx("visit").insert(rows).returning("id")).map((r: any) => (typeof r === "object" ? r.id : r));
      // SQLite's multi-row insert returns the last id only: the ids are consecutive
      const visitIds = ids.length === visits.length ? ids : visits.map((_, k) => ids[0]! - visits.length + 1 + k);
      const findings = [];
      const reports = [];
      const unplanned = [];
      for (const [k, v] of visits.entries()) {
        const visitId = visitIds[k]!;
        for (const c of v._team) {
          findings.push({
            visit_id: visitId,
            department: c,
            matter: `${c}:1`,
            result: RESULT[(visitId + c.length) % RESULT.length],
            description: "—",
            recorded_by: "bench",
            recorded_at: v.created_at,
          });
          const day = `${YEAR}-0${(visitId % 9) + 1}-18`;
          reports.push({
            visit_id: visitId,
            department: c,
            status: "PUBLISHED",
            inspection_time: "",
            content: "",
            steps: "",
            findings: "",
            evaluation: "",
            handling: "",
            due_date: day,
            publish_due_date: day,
            due_provisional: bool(false),
            submitted_at: when(`${day}T0${visitId % 2 ? 1 : 9}:00:00Z`),
            published_at: when(`${day}T10:00:00Z`),
            published_late: bool(visitId % 7 === 0),
          });
        }
        if (v._unplanned)
          unplanned.push({
            visit_id: visitId,
            department: v._team[0],
            legal_basis: "—",
            reason: visitId % 2 ? "COMPLAINT" : "TARGETED",
            reference_number: visitId % 2 ? "12315-1" : null,
            flagged: bool(visitId % 2 === 0),
            recorded_by: "bench",
            recorded_at: v.created_at,
          });
      }
      const findingIds: number[] = (await trx("finding").insert(findings).returning("id")).map((r: any) =>
        typeof r === "object" ? r.id : r,
      );
      const fIds = findingIds.length === findings.length ? findingIds : findings.map((_, k) => findingIds[0]! - findings.length + 1 + k);
      const handling = findings.flatMap((f, k) =>
        f.result === "NO_PROBLEM"
          ? []
          : [
              {
                visit_id: f.visit_id,
                finding_id: fIds[k],
                department: f.department,
                matter: f.matter,
                uscc: "91510000MA00000000",
                kind: k % 2 ? "ON_SITE" : "REFERRAL",
                rectification_deadline: k % 2 ? `${YEAR}-10-01` : null,
                referred_to: k % 2 ? null : codes[(codes.indexOf(f.department) + 1) % codes.length],
                referral_state: k % 2 ? null : ["RECEIVED", "ACCEPTED", "CLOSED"][k % 3],
                // set on delivery (docs/handling.md); half past, so the overdue count has something to count
                answer_due: k % 2 ? null : `${YEAR}-${k % 4 ? "01" : "12"}-20`,
                decided_by: "bench",
                decided_at: f.recorded_at,
              },
            ],
      );
      await trx("inspection_report").insert(reports);
      if (unplanned.length) await trx("unplanned_inspection").insert(unplanned);
      if (handling.length) await trx("handling_decision").insert(handling);
    });
  }
  await orm.close();
}
