/**
 * Independent check of an assignment against every hard rule.
 *
 * Why separate from assign.ts: the property tests and the verify command must not trust the code that
 * produced the assignment. This checker re-derives each rule from the pools and the plan rules alone
 * (it shares only the small look-ups in rules.ts) and reports every violation it finds.
 */

import { matterRuleFor, regionAllows, visitDepartments } from "./rules.js";
import type { AssignmentRule, ExpertEntry, InspectorEntry, PlanRules, VisitAssignment, VisitSpec } from "./types.js";

/** One broken rule. */
export interface AssignmentViolation {
  subjectId: string;
  rule: AssignmentRule;
  detail: string;
}

/** What an assignment is checked against. */
export interface AssignmentContext {
  visits: readonly VisitSpec[];
  inspectors: readonly InspectorEntry[];
  experts: readonly ExpertEntry[];
  rules: PlanRules;
}

/** Every violation of the hard rules (empty array = the assignment obeys them all). */
export function checkAssignment(assignment: readonly VisitAssignment[], ctx: AssignmentContext): AssignmentViolation[] {
  const out: AssignmentViolation[] = [];
  const bad = (subjectId: string, rule: AssignmentRule, detail: string) => out.push({ subjectId, rule, detail });
  const inspectors = new Map(ctx.inspectors.map((p) => [p.id, p]));
  const experts = new Map(ctx.experts.map((p) => [p.id, p]));
  const visits = new Map(ctx.visits.map((v) => [v.subjectId, v]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  const eload = new Map<string, number>();
  const { rules } = ctx;

  const personal = (sid: string, p: InspectorEntry, who: string) => {
    if (p.status !== "ACTIVE") bad(sid, "NOT_ACTIVE", `${who} ${p.id} 状态为 ${p.status}`);
    if (!regionAllows(rules.region, p)) bad(sid, "REGION", `${who} ${p.id} 所在区域 ${p.region} 不在计划区域内且不可借调`);
    if (p.conflicts.includes(sid)) bad(sid, "CONFLICT", `${who} ${p.id} 已申报与该主体回避`);
    if ((p.lastVisitedSubject ?? null) === sid) bad(sid, "SAME_SUBJECT_TWICE", `${who} ${p.id} 上一次检查的正是该主体`);
  };

  for (const a of assignment) {
    const sid = a.subjectId;
    const v = visits.get(sid);
    if (!v) {
      bad(sid, "UNEXPECTED_VISIT", `该主体未被抽中，却有检查分配`);
      continue;
    }
    if (seen.has(sid)) {
      bad(sid, "UNEXPECTED_VISIT", `该主体有两份检查分配`);
      continue;
    }
    seen.add(sid);
    const depts = visitDepartments(rules, v);
    const team: InspectorEntry[] = [];
    const ids = new Set<string>();
    for (const [dept, list] of Object.entries(a.inspectors)) {
      for (const id of list) {
        const p = inspectors.get(id);
        if (!p) {
          bad(sid, "UNKNOWN_PERSON", `执法检查人员 ${id} 不在人员名录中`);
          continue;
        }
        if (ids.has(id)) bad(sid, "DUPLICATE_PERSON", `执法检查人员 ${id} 重复出现`);
        ids.add(id);
        if (p.department !== dept) bad(sid, "DEPARTMENT_MISMATCH", `执法检查人员 ${id} 属于 ${p.department}，却列在 ${dept} 之下`);
        if (!depts.includes(p.department))
          bad(sid, "DEPARTMENT_MISMATCH", `执法检查人员 ${id} 的部门 ${p.department} 不承担该次检查的事项`);
        personal(sid, p, "执法检查人员");
        const n = (load.get(id) ?? 0) + 1;
        load.set(id, n);
        if (rules.workloadCap !== null && n === rules.workloadCap + 1)
          bad(sid, "WORKLOAD_CAP", `执法检查人员 ${id} 超过工作量上限 ${rules.workloadCap}`);
        team.push(p);
      }
    }
    if (ids.size < rules.minInspectors) bad(sid, "MIN_INSPECTORS", `只有 ${ids.size} 名执法检查人员，至少需要 ${rules.minInspectors} 名`);
    for (const d of depts) if (!team.some((p) => p.department === d)) bad(sid, "DEPARTMENT_PRESENCE", `缺少 ${d} 部门的执法检查人员`);

    const eteam: ExpertEntry[] = [];
    const eids = new Set<string>();
    for (const id of a.experts) {
      const p = experts.get(id);
      if (!p) {
        bad(sid, "UNKNOWN_PERSON", `专家 ${id} 不在专家名录中`);
        continue;
      }
      if (eids.has(id)) bad(sid, "DUPLICATE_PERSON", `专家 ${id} 重复出现`);
      eids.add(id);
      personal(sid, p, "专家");
      const n = (eload.get(id) ?? 0) + 1;
      eload.set(id, n);
      if (rules.expertWorkloadCap !== null && n === rules.expertWorkloadCap + 1)
        bad(sid, "WORKLOAD_CAP", `专家 ${id} 超过工作量上限 ${rules.expertWorkloadCap}`);
      eteam.push(p);
    }

    for (const m of v.matters) {
      const mr = matterRuleFor(rules, m);
      for (const c of mr.categories) {
        if (!team.some((p) => p.department === mr.department && p.categories.includes(c))) {
          bad(sid, "CATEGORY_COVERAGE", `事项 ${m} 需要 ${mr.department} 部门具备执法类别「${c}」的人员`);
        }
      }
      if (mr.expertCategories !== null) {
        if (eteam.length === 0) bad(sid, "EXPERT_COVERAGE", `事项 ${m} 需要专家`);
        for (const c of mr.expertCategories) {
          if (!eteam.some((p) => p.categories.includes(c))) bad(sid, "EXPERT_COVERAGE", `事项 ${m} 需要专长「${c}」的专家`);
        }
      }
    }
  }
  for (const v of ctx.visits) if (!seen.has(v.subjectId)) bad(v.subjectId, "MISSING_VISIT", `被抽中的主体没有检查分配`);
  return out;
}
