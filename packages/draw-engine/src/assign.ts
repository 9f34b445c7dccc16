/**
 * Assignment of inspectors (and experts) to the selected subjects.
 *
 * Size: over 300 lines because the procedure below is specified as one piece in packages/draw-engine/FORMAT.md
 * (requirements, greedy cover, fill, tie-break) and is read against it step by step.
 *
 * Why this procedure: docs/rules.md ("Teams", "The draw") asks for a documented, deterministic procedure driven by the seed,
 * under the hard rules of §6, with load "as even as the rules allow". A greedy least-loaded procedure
 * is easy to explain at a public draw, easy to re-implement, and fast (10,000 visits × 2,000
 * inspectors well under a second).
 *
 * Hard rules (checked independently by checkAssignment):
 *   1. only ACTIVE directory members, and only from the departments whose matters the visit carries
 *      (see rules.visitDepartments);
 *   2. region rule: an eligible region is a prefix of the person's region, or the person's department
 *      is in the borrowing list;
 *   3. never a subject the person declared a conflict with, never the subject of the person's last visit;
 *   4. at most `workloadCap` visits per inspector (`expertWorkloadCap` per expert) in this draw;
 *   5. ≥ 1 inspector of each department the visit carries;
 *   6. each category of each matter held by ≥ 1 assigned inspector of that matter's department;
 *   7. ≥ `minInspectors` inspectors (experts never count);
 *   8. each matter needing an expert: ≥ 1 assigned expert, covering each of its expert tags.
 *
 * Procedure. Visits are processed in ticket order (the order of the selection). For each visit the
 * candidates are the people allowed by rules 1–4 given the loads so far. Its requirements are the
 * department presences (departments in code point order), then the (department, category) pairs of
 * its matters (matters and categories in code point order). Repeat: take the unmet requirement with
 * the fewest candidates able to meet it (first in that order on ties); if none can, the visit is
 * infeasible; otherwise add the candidate meeting it with, in order, the lowest load, the most unmet
 * requirements met, the lowest tie key, the smallest id. Then, while the team has fewer than
 * `minInspectors`, add the candidate with the lowest load, then tie key, then id. Experts are chosen
 * the same way for the expert requirements (no filling). Loads grow only when the visit succeeds.
 *
 * Tie key of person p for the visit to subject s: fmix32(P xor V), where P and V are the first 32 bits
 * (8 hex digits, big-endian) of sha256_hex(seed + "\n" + kind + "\n" + id) with kind "inspector" or
 * "expert" (id = p's id) and "visit" (id = s), and fmix32 is MurmurHash3's 32-bit finaliser.
 *
 * If some visits cannot be staffed, all of them are reported together in one InfeasibleAssignmentError
 * (subject, rule, and the filter that removed the last candidates) and no assignment is returned.
 * The procedure is greedy: with workload caps it can, in rare tight cases, fail where another
 * assignment would exist; the error then says WORKLOAD_CAP and the plan needs a higher cap.
 */

import { sha256HexOf } from "#sha256";
import { DuplicateIdError, InfeasibleAssignmentError, InvalidInputError, type InfeasibleItem } from "./errors.js";
import { matterRuleFor, regionAllows, visitDepartments } from "./rules.js";
import { compareCodePoints, sortedSet } from "./text.js";
import type { ExpertEntry, InspectorEntry, PlanRules, VisitAssignment, VisitSpec } from "./types.js";

export type { AssignmentRule, VisitSpec } from "./types.js";

/** MurmurHash3 fmix32. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** First 32 bits of sha256_hex(seed + "\n" + kind + "\n" + id). */
export function tieBase(seed: string, kind: "inspector" | "expert" | "visit", id: string): number {
  return parseInt(sha256HexOf(`${seed}\n${kind}\n${id}`).slice(0, 8), 16);
}

interface Person {
  id: string;
  dept: string;
  cats: Set<string>;
  conflicts: Set<string>;
  last: string;
  active: boolean;
  regionOk: boolean;
  key: number;
  load: number;
}

type Req =
  | { rule: "DEPARTMENT_PRESENCE"; dept: string }
  | { rule: "CATEGORY_COVERAGE"; dept: string; category: string; matter: string }
  | { rule: "EXPERT_COVERAGE"; category: string | null; matter: string };

function meets(p: Person, r: Req): boolean {
  switch (r.rule) {
    case "DEPARTMENT_PRESENCE":
      return p.dept === r.dept;
    case "CATEGORY_COVERAGE":
      return p.dept === r.dept && p.cats.has(r.category);
    case "EXPERT_COVERAGE":
      return r.category === null || p.cats.has(r.category);
  }
}

function toPerson(e: InspectorEntry, rules: PlanRules, seed: string, kind: "inspector" | "expert"): Person {
  return {
    id: e.id,
    dept: e.department,
    cats: new Set(e.categories),
    conflicts: new Set(e.conflicts),
    last: e.lastVisitedSubject ?? "",
    active: e.status === "ACTIVE",
    regionOk: regionAllows(rules.region, e),
    key: tieBase(seed, kind, e.id),
    load: 0,
  };
}

const BLOCK_ZH: Record<string, string> = {
  NOT_ACTIVE: "符合条件的人员均不在岗（非 ACTIVE）",
  REGION: "符合条件的在岗人员均不在本计划区域内，且所在部门不在借调名单中",
  CONFLICT: "其余符合条件的人员均已申报回避",
  SAME_SUBJECT_TWICE: "其余符合条件的人员上一次检查的正是该主体（不得连续两次检查同一主体）",
  WORKLOAD_CAP: "其余符合条件的人员均已达到本次工作量上限",
};

function reqZh(r: Req | number): string {
  if (typeof r === "number") return `每次检查至少需要 ${r} 名执法检查人员（专家不计入）`;
  switch (r.rule) {
    case "DEPARTMENT_PRESENCE":
      return `联合检查须有 ${r.dept} 部门至少 1 名执法检查人员`;
    case "CATEGORY_COVERAGE":
      return `事项 ${r.matter} 需要 ${r.dept} 部门具备执法类别「${r.category}」的人员`;
    case "EXPERT_COVERAGE":
      return `事项 ${r.matter} 需要专家${r.category === null ? "" : `（专长「${r.category}」）`}`;
  }
}

/** Requirements of one visit, in the documented order. */
function requirements(rules: PlanRules, v: VisitSpec): { depts: string[]; inspectorReqs: Req[]; expertReqs: Req[] } {
  const depts = visitDepartments(rules, v);
  const inspectorReqs: Req[] = depts.map((dept) => ({ rule: "DEPARTMENT_PRESENCE", dept }));
  const expertReqs: Req[] = [];
  const seenCat = new Set<string>();
  const seenExp = new Set<string>();
  for (const m of sortedSet(v.matters)) {
    const mr = matterRuleFor(rules, m);
    for (const c of mr.categories) {
      const k = mr.department + "\u0000" + c;
      if (seenCat.has(k)) continue;
      seenCat.add(k);
      inspectorReqs.push({ rule: "CATEGORY_COVERAGE", dept: mr.department, category: c, matter: m });
    }
    if (mr.expertCategories !== null) {
      const cats: (string | null)[] = mr.expertCategories.length === 0 ? [null] : mr.expertCategories;
      for (const c of cats) {
        const k = c ?? "\u0000any";
        if (seenExp.has(k)) continue;
        seenExp.add(k);
        expertReqs.push({ rule: "EXPERT_COVERAGE", category: c, matter: m });
      }
    }
  }
  return { depts, inspectorReqs, expertReqs };
}

/** Greedy team choice for one visit (steps 2–3 of the procedure); returns the team or the requirement that failed. */
function pickTeam(cands: Person[], ties: Float64Array, reqs: Req[], fillTo: number): { team: Person[] } | { failed: Req | number } {
  const n = cands.length;
  const nr = reqs.length;
  // can[i * nr + j] = 1 when candidate i meets requirement j (computed once per visit)
  const can = new Uint8Array(n * nr);
  for (let i = 0; i < n; i++) for (let j = 0; j < nr; j++) if (meets(cands[i]!, reqs[j]!)) can[i * nr + j] = 1;
  const met = new Uint8Array(nr);
  const used = new Uint8Array(n);
  const team: Person[] = [];
  let unmet = nr;
  const better = (i: number, pick: number, cover: number, pickCover: number): boolean => {
    const p = cands[i]!;
    const q = cands[pick]!;
    if (p.load !== q.load) return p.load < q.load;
    if (cover !== pickCover) return cover > pickCover;
    if (ties[i] !== ties[pick]) return ties[i]! < ties[pick]!;
    return compareCodePoints(p.id, q.id) < 0;
  };
  while (unmet > 0) {
    let best = -1;
    let bestCount = Infinity;
    for (let j = 0; j < nr; j++) {
      if (met[j]) continue;
      let count = 0;
      for (let i = 0; i < n; i++) count += used[i] ? 0 : can[i * nr + j]!;
      if (count < bestCount) {
        bestCount = count;
        best = j;
      }
    }
    if (bestCount === 0) return { failed: reqs[best]! };
    let pick = -1;
    let pickCover = 0;
    for (let i = 0; i < n; i++) {
      if (used[i] || !can[i * nr + best]) continue;
      let cover = 0;
      for (let j = 0; j < nr; j++) if (!met[j]) cover += can[i * nr + j]!;
      if (pick < 0 || better(i, pick, cover, pickCover)) {
        pick = i;
        pickCover = cover;
      }
    }
    used[pick] = 1;
    team.push(cands[pick]!);
    for (let j = 0; j < nr; j++) {
      if (!met[j] && can[pick * nr + j]) {
        met[j] = 1;
        unmet--;
      }
    }
  }
  while (team.length < fillTo) {
    let pick = -1;
    for (let i = 0; i < n; i++) if (!used[i] && (pick < 0 || better(i, pick, 0, 0))) pick = i;
    if (pick < 0) return { failed: fillTo };
    used[pick] = 1;
    team.push(cands[pick]!);
  }
  return { team };
}

/** Why nobody (or too few) could meet a requirement: the first filter that left too few people. */
function diagnose(pool: Person[], subjectId: string, need: number, base: (p: Person) => boolean, cap: number | null): string | null {
  let set = pool.filter(base);
  if (set.length < need) return null;
  const filters: [string, (p: Person) => boolean][] = [
    ["NOT_ACTIVE", (p) => p.active],
    ["REGION", (p) => p.regionOk],
    ["CONFLICT", (p) => !p.conflicts.has(subjectId)],
    ["SAME_SUBJECT_TWICE", (p) => p.last !== subjectId],
    ["WORKLOAD_CAP", (p) => cap === null || p.load < cap],
  ];
  for (const [name, f] of filters) {
    set = set.filter(f);
    if (set.length < need) return name;
  }
  return "WORKLOAD_CAP";
}

function uniqueById<T extends { id: string }>(entries: readonly T[], pool: string): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new DuplicateIdError(pool, [e.id]);
    seen.add(e.id);
  }
}

/**
 * Assign inspectors and experts to the visits (given in ticket order) by the documented procedure.
 * Throws InfeasibleAssignmentError naming every visit that cannot be staffed.
 */
export function assignInspectors(
  visits: readonly VisitSpec[],
  inspectors: readonly InspectorEntry[],
  experts: readonly ExpertEntry[],
  rules: PlanRules,
  seed: string,
): VisitAssignment[] {
  uniqueById(inspectors, "inspectors");
  uniqueById(experts, "experts");
  const insp = inspectors.map((e) => toPerson(e, rules, seed, "inspector"));
  const exps = experts.map((e) => toPerson(e, rules, seed, "expert"));
  const byDept = new Map<string, Person[]>();
  for (const p of insp) {
    if (!p.active || !p.regionOk) continue;
    const list = byDept.get(p.dept);
    if (list) list.push(p);
    else byDept.set(p.dept, [p]);
  }
  const staticExperts = exps.filter((p) => p.active && p.regionOk);
  const cap = rules.workloadCap;
  const ecap = rules.expertWorkloadCap;
  const failures: InfeasibleItem[] = [];
  const out: VisitAssignment[] = [];
  const seenVisit = new Set<string>();

  for (const v of visits) {
    const sid = v.subjectId;
    if (seenVisit.has(sid)) throw new InvalidInputError(`同一市场主体 ${sid} 出现在两次检查中`, { subjectId: sid });
    seenVisit.add(sid);
    const { depts, inspectorReqs, expertReqs } = requirements(rules, v);
    const vkey = tieBase(seed, "visit", sid);
    const available = (p: Person, c: number | null) =>
      (c === null || p.load < c) && p.last !== sid && !(p.conflicts.size > 0 && p.conflicts.has(sid));

    const cands: Person[] = [];
    for (const d of depts) {
      const list = byDept.get(d);
      if (list) for (let i = 0; i < list.length; i++) if (available(list[i]!, cap)) cands.push(list[i]!);
    }
    const ties = new Float64Array(cands.length);
    for (let i = 0; i < cands.length; i++) ties[i] = fmix32(cands[i]!.key ^ vkey);
    const res = pickTeam(cands, ties, inspectorReqs, rules.minInspectors);
    if ("failed" in res) {
      const r = res.failed;
      const need = typeof r === "number" ? r : 1;
      const base = typeof r === "number" ? (p: Person) => depts.includes(p.dept) : (p: Person) => meets(p, r);
      const blockedBy = diagnose(insp, sid, need, base, cap);
      failures.push({
        subjectId: sid,
        rule: typeof r === "number" ? "MIN_INSPECTORS" : r.rule,
        blockedBy,
        detail: reqZh(r) + "：" + (blockedBy === null ? "执法检查人员名录中没有足够的符合条件人员" : BLOCK_ZH[blockedBy]!),
      });
      continue;
    }

    let expertTeam: Person[] = [];
    if (expertReqs.length > 0) {
      const ec = staticExperts.filter((p) => available(p, ecap));
      const eties = new Float64Array(ec.length);
      ec.forEach((p, i) => (eties[i] = fmix32(p.key ^ vkey)));
      const er = pickTeam(ec, eties, expertReqs, 0);
      if ("failed" in er) {
        const r = er.failed as Req;
        const blockedBy = diagnose(exps, sid, 1, (p) => meets(p, r), ecap);
        failures.push({
          subjectId: sid,
          rule: "EXPERT_COVERAGE",
          blockedBy,
          detail: reqZh(r) + "：" + (blockedBy === null ? "专家名录中没有符合条件的专家" : BLOCK_ZH[blockedBy]!),
        });
        continue;
      }
      expertTeam = er.team;
    }

    for (const p of res.team) p.load++;
    for (const p of expertTeam) p.load++;
    const groups = new Map<string, string[]>();
    for (const p of res.team) groups.set(p.dept, [...(groups.get(p.dept) ?? []), p.id]);
    out.push({
      subjectId: sid,
      inspectors: Object.fromEntries([...groups.keys()].sort(compareCodePoints).map((d) => [d, groups.get(d)!.sort(compareCodePoints)])),
      experts: expertTeam.map((p) => p.id).sort(compareCodePoints),
    });
  }
  if (failures.length > 0) throw new InfeasibleAssignmentError(failures);
  return out;
}
