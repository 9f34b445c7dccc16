import type { EntityManager } from "@mikro-orm/core";
import { chinaDateOf } from "@ssj/working-days";
import type { DepartmentClient } from "../departments/department-client.js";
import type { Department } from "../departments/department.entity.js";
import { ReferralState } from "../handling/handling-kind.js";
import type { VisitStatus } from "../visits/visit.entity.js";
import { int } from "./sql-dialect.js";
import { departmentFigures } from "./statistics.queries.js";
import type { DepartmentStatistics, MatterShare } from "./statistics.types.js";
import { matterShare, shareTarget } from "./targets.js";
import { workloadOf } from "./workload.js";

const MATTER_COUNT = `query MatterCount($d: String!, $y: Int!) { inspectionMatterCount(department: $d, year: $y) { randomMatters declaredTotal } }`;

/**
 * The random-inspection share from the department's own books: one call to its instance (two SQL statements
 * there). A department that cannot be reached costs only this figure (null), not the county's answer.
 */
async function shareOf(client: DepartmentClient, d: Department, year: number): Promise<MatterShare | null> {
  try {
    const { inspectionMatterCount: c } = await client.graphql<{
      inspectionMatterCount: { randomMatters: number; declaredTotal: number | null };
    }>(d, MATTER_COUNT, { d: d.code, y: year });
    const share = matterShare(c.randomMatters, c.declaredTotal);
    const target = shareTarget(d.kind);
    return { randomMatters: c.randomMatters, declaredTotal: c.declaredTotal, share, target, met: share === null ? null : share >= target };
  } catch {
    return null;
  }
}

const OPEN_REFERRAL = [ReferralState.PENDING_DELIVERY, ReferralState.RECEIVED, ReferralState.ACCEPTED] as string[];
const UNANSWERED = [ReferralState.PENDING_DELIVERY, ReferralState.RECEIVED] as string[];

/** One department's figures: eight aggregate statements in the county, one call to the department. */
export async function statisticsOf(
  em: EntityManager,
  client: DepartmentClient,
  d: Department,
  year: number,
  asOf: string = chinaDateOf(new Date()),
): Promise<DepartmentStatistics> {
  const [f, share] = await Promise.all([departmentFigures(em, { department: d.code, year, today: asOf }), shareOf(client, d, year)]);
  const referrals = { open: 0, closed: 0, unanswered: 0, overdue: 0, overdueRectifications: 0 };
  for (const h of f.handling) {
    referrals.overdueRectifications += int(h.overdue);
    referrals.overdue += int(h.overdue_referrals);
    if (h.kind !== "REFERRAL") continue;
    const state = String(h.state);
    if (OPEN_REFERRAL.includes(state)) referrals.open += int(h.n);
    else referrals.closed += int(h.n);
    if (UNANSWERED.includes(state)) referrals.unanswered += int(h.n);
  }
  const problems = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ key: String(r.k) || "UNPLANNED", findings: int(r.findings), problems: int(r.problems) }));
  return {
    department: d.code,
    name: d.name,
    kind: d.kind,
    matterShare: share,
    plans: { plans: int(f.plans?.plans), completed: int(f.plans?.completed) },
    visitsByStatus: f.status
      .map((r) => ({ status: r.status as VisitStatus, count: int(r.n) }))
      .sort((a, b) => a.status.localeCompare(b.status)),
    jointVisits: f.status.reduce((n, r) => n + int(r.joint), 0),
    reports: {
      reports: int(f.reports?.reports),
      submitted: int(f.reports?.submitted),
      submittedOnTime: int(f.reports?.on_time),
      overdue: int(f.reports?.overdue),
      published: int(f.reports?.published),
      publishedInTime: int(f.reports?.published_in_time),
    },
    problemsByStratum: problems(f.strata),
    problemsByMatter: problems(f.matters),
    workload: workloadOf(f.workload),
    unplanned: { total: int(f.unplanned?.total), flagged: int(f.unplanned?.flagged) },
    referrals,
  };
}
