import type { EntityManager } from "@mikro-orm/core";
import { isProblem, RESULT_CODES } from "../inspections/result-codes.js";
import { dialectOf, int, select } from "./sql-dialect.js";

/**
 * The assessment figures of one department for one year, each one aggregate SQL statement over the county's
 * books (docs/statistics.md): eight statements whatever the number of visits, findings or inspectors. A
 * department's part of the year is the visits created in the year (Beijing time) that carry its matters.
 */

/** Visits still on their way: a plan is completed when none of its visits is in one of these states. */
const OPEN_VISIT = ["SCHEDULED", "IN_PROGRESS", "INSPECTED", "REPORTED", "REVIEWED", "UNREACHABLE", "REFUSED"];
const PROBLEMS = RESULT_CODES.map((r) => r.name).filter(isProblem);
const list = (values: string[]) => values.map((v) => `'${v}'`).join(", ");
/** How many `|`-separated tokens a list column holds, plus one (`|a|b|` → 3). */
const bars = (c: string) => `(length(${c}) - length(replace(${c}, '|', '')))`;
/** The department's token in a list column (sql-token.ts: an exact match, never a LIKE pattern). */
const has = (c: string) => `length(${c}) - length(replace(${c}, ?, '')) > 0`;

export interface YearScope {
  department: string;
  year: number;
  /** The day (YYYY-MM-DD, Beijing) "overdue" is measured against: the query's `asOf`, or today. */
  today: string;
}

/** [from, to) of a year in Beijing time. */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

type Row = Record<string, unknown>;

export async function departmentFigures(em: EntityManager, s: YearScope) {
  const d = dialectOf(em);
  const { from, to } = yearBounds(s.year);
  const token = `|${s.department}|`;
  const inYear = `v.created_at >= ? and v.created_at < ?`;
  const yearParams = [d.date(from), d.date(to)];
  const visitScope = `${inYear} and ${has("v.departments_key")}`;
  const [status, reports, strata, matters, workload, unplanned, handling, plans] = await Promise.all([
    select<Row>(
      em,
      `select v.status as status, count(*) as n,
         sum(case when v.draw_id is not null and ${bars("v.departments_key")} > 2 then 1 else 0 end) as joint
       from visit v where ${visitScope} group by v.status`,
      [...yearParams, token],
    ),
    select<Row>(
      em,
      `select count(*) as reports,
         sum(case when r.submitted_at is not null then 1 else 0 end) as submitted,
         sum(case when r.submitted_at is not null and ${d.chinaDay("r.submitted_at")} <= r.due_date then 1 else 0 end) as on_time,
         sum(case when r.submitted_at is null and r.due_date < ? then 1 else 0 end) as overdue,
         sum(case when r.published_at is not null then 1 else 0 end) as published,
         sum(case when r.published_at is not null and not r.published_late then 1 else 0 end) as published_in_time
       from inspection_report r join visit v on v.id = r.visit_id where r.department = ? and ${inYear}`,
      [s.today, s.department, ...yearParams],
    ),
    select<Row>(
      em,
      `select v.stratum as k, count(*) as findings, sum(case when f.result in (${list(PROBLEMS)}) then 1 else 0 end) as problems
       from finding f join visit v on v.id = f.visit_id where f.department = ? and ${inYear} group by v.stratum order by v.stratum`,
      [s.department, ...yearParams],
    ),
    select<Row>(
      em,
      `select f.matter as k, count(*) as findings, sum(case when f.result in (${list(PROBLEMS)}) then 1 else 0 end) as problems
       from finding f join visit v on v.id = f.visit_id where f.department = ? and ${inYear} group by f.matter order by f.matter`,
      [s.department, ...yearParams],
    ),
    // one row per inspector (bounded by the directory, not by the visits): the median needs the sorted counts
    select<Row>(
      em,
      `select j.value as inspector, count(*) as n from visit v cross join ${d.inspectorsOf("v", "?")}
       where ${visitScope} and v.status <> 'CANCELLED' group by j.value`,
      [s.department, ...yearParams, token],
    ),
    select<Row>(
      em,
      `select count(*) as total, sum(case when u.flagged then 1 else 0 end) as flagged
       from unplanned_inspection u join visit v on v.id = u.visit_id where u.department = ? and ${inYear}`,
      [s.department, ...yearParams],
    ),
    select<Row>(
      em,
      `select h.kind as kind, h.referral_state as state, count(*) as n,
         sum(case when h.kind = 'ON_SITE' and h.follow_up_result is null and h.rectification_deadline < ? then 1 else 0 end) as overdue,
         sum(case when h.kind = 'REFERRAL' and h.referral_state = 'RECEIVED' and h.answer_due < ? then 1 else 0 end) as overdue_referrals
       from handling_decision h join visit v on v.id = h.visit_id where h.department = ? and ${inYear}
       group by h.kind, h.referral_state`,
      [s.today, s.today, s.department, ...yearParams],
    ),
    select<Row>(
      em,
      `select count(*) as plans, sum(case when t.visits > 0 and t.open = 0 then 1 else 0 end) as completed from (
         select p.id, count(v.id) as visits, sum(case when v.status in (${list(OPEN_VISIT)}) then 1 else 0 end) as open
         from plan p left join visit v on v.plan_id = p.id
         where p.status = 'ACTIVE' and ${has("p.departments_key")} and p.window_start >= ? and p.window_start <= ?
         group by p.id) t`,
      [token, `${s.year}-01-01`, `${s.year}-12-31`],
    ),
  ]);
  return {
    status,
    reports: reports[0],
    strata,
    matters,
    workload: workload.map((r) => int(r.n)),
    unplanned: unplanned[0],
    handling,
    plans: plans[0],
  };
}

/**
 * 减少的上门次数 (draws/door-knocks.ts): Σ over drawn, not cancelled visits of (departments carried − 1), i.e.
 * what the departments would have knocked alone minus what the joint visits knocked. One statement.
 */
export async function doorKnocksSaved(em: EntityManager, year: number, departments: string[]): Promise<number> {
  if (!departments.length) return 0;
  const d = dialectOf(em);
  const { from, to } = yearBounds(year);
  const any = departments.map(() => has("v.departments_key")).join(" or ");
  const [row] = await select<Row>(
    em,
    `select coalesce(sum(${bars("v.departments_key")} - 2), 0) as saved from visit v
     where v.draw_id is not null and v.status <> 'CANCELLED' and v.created_at >= ? and v.created_at < ? and (${any})`,
    [d.date(from), d.date(to), ...departments.map((c) => `|${c}|`)],
  );
  return int(row.saved);
}
