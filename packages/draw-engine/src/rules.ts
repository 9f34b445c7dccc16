/**
 * Plan rules: defaults, validation and the few look-ups the selection and assignment need.
 *
 * Why in one place: the record stores the *normalised* rules and the verifier feeds them back into the
 * engine, so normalisation must be idempotent and its output JSON-stable (fixed key order, lists in
 * code point order, maps built in code point order of their keys).
 *
 * Defaults: cap none; minInspectors 2; workloadCap and expertWorkloadCap none; region: every region
 * admitted (eligibleRegions [""]), no borrowing list; a matter ref without an entry in `matters`
 * belongs to the department written before its first ":" and asks for no category and no expert.
 */

import { sha256HexOf } from "#sha256";
import { InvalidInputError } from "./errors.js";
import { validateRatios } from "./strata.js";
import { compareCodePoints, isWellFormed, requireText, sortedSet } from "./text.js";
import type { CandidateEntry, InspectorEntry, MatterRule, PlanRules, PlanRulesInput, RegionRule } from "./types.js";

function intOrNull(v: unknown, min: number, what: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min)
    throw new InvalidInputError(`${what} 必须是不小于 ${min} 的整数`, { [what]: v });
  return v;
}

function texts(v: unknown, what: string, allowEmpty = false): string[] {
  if (!Array.isArray(v)) throw new InvalidInputError(`${what} 必须是字符串数组`, { [what]: v });
  for (const s of v) {
    if (typeof s !== "string" || !isWellFormed(s) || (!allowEmpty && s.length === 0))
      throw new InvalidInputError(`${what} 含有无效的值`, { [what]: v });
  }
  return sortedSet(v as string[]);
}

/** The department a matter ref belongs to by default: the text before the first ":". */
export function departmentOfRef(ref: string): string {
  const i = ref.indexOf(":");
  if (i <= 0) throw new InvalidInputError(`抽查事项 ${ref} 未在计划中定义，且无法从编号得出所属部门（应为 部门:编号）`, { matter: ref });
  return ref.slice(0, i);
}

/** Validate and complete plan rules (idempotent). */
export function normalizeRules(input: PlanRulesInput | PlanRules): PlanRules {
  if (typeof input !== "object" || input === null) throw new InvalidInputError("抽查计划规则缺失", {});
  const minInspectors = input.minInspectors ?? 2;
  if (!Number.isSafeInteger(minInspectors) || minInspectors < 1)
    throw new InvalidInputError("每次检查的最少执法人员数必须是正整数", { minInspectors });
  const region = input.region ?? {};
  const regionRule: RegionRule = {
    eligibleRegions: texts(region.eligibleRegions ?? [""], "eligibleRegions", true),
    borrowFromDepartments: texts(region.borrowFromDepartments ?? [], "borrowFromDepartments"),
  };
  const matterEntries = Object.entries(input.matters ?? {}).sort(([a], [b]) => compareCodePoints(a, b));
  const matters = Object.fromEntries(
    matterEntries.map(([ref, m]): [string, MatterRule] => {
      requireText(ref, "抽查事项编号");
      const ex = m.expertCategories;
      return [
        ref,
        {
          department: m.department === undefined ? departmentOfRef(ref) : requireText(m.department, "事项所属部门"),
          categories: texts(m.categories ?? [], "categories"),
          expertCategories: ex === undefined || ex === null ? null : texts(ex, "expertCategories"),
        },
      ];
    }),
  );
  return {
    ratios: validateRatios(input.ratios),
    cap: intOrNull(input.cap, 0, "cap"),
    minInspectors,
    workloadCap: intOrNull(input.workloadCap, 1, "workloadCap"),
    expertWorkloadCap: intOrNull(input.expertWorkloadCap, 1, "expertWorkloadCap"),
    region: regionRule,
    matters,
  };
}

/** SHA-256 hex of `JSON.stringify(normalizeRules(rules))`. */
export function rulesDigest(rules: PlanRules): string {
  return sha256HexOf(JSON.stringify(normalizeRules(rules)));
}

/** The rule of one matter ref (explicit entry, or the default for its department). */
export function matterRuleFor(rules: PlanRules, ref: string): MatterRule {
  if (Object.hasOwn(rules.matters, ref)) return rules.matters[ref]!;
  return { department: departmentOfRef(ref), categories: [], expertCategories: null };
}

/**
 * The departments a visit to this candidate carries: the departments of its matters; a candidate
 * without matters is visited for the departments that supervise it.
 */
export function visitDepartments(rules: PlanRules, c: Pick<CandidateEntry, "matters" | "departments">): string[] {
  const ds = c.matters.map((m) => matterRuleFor(rules, m).department);
  return sortedSet(ds.length > 0 ? ds : c.departments);
}

/** Region rule: the person's department is in the borrowing list, or an eligible region is a prefix of the person's region. */
export function regionAllows(rule: RegionRule, p: Pick<InspectorEntry, "department" | "region">): boolean {
  return rule.borrowFromDepartments.includes(p.department) || rule.eligibleRegions.some((r) => p.region.startsWith(r));
}
