/**
 * Strata and the number of visits per stratum.
 *
 * Why: docs/rules.md ("Ratios and strata") asks for higher ratios for riskier subjects (ratios per risk class, e.g. Henan 2021
 * D/C/B/A = 30 % / 10 % / 2 % / 1 %) and for flagged ones (abnormal list, dishonest, serious
 * violation, key sector), never 0 for a non-empty class (不免抽), and a cap on the plan's visits. The
 * rules below turn that into exact integers that anyone can recompute; no floating-point rounding is
 * involved anywhere.
 *
 * Stratum rule. For one department: FLAGGED if any flag is set (经营异常名录, 失信, 严重违法失信, 重点领域),
 * otherwise the department's risk class. The strata are ordered A < B < C < D < FLAGGED. A subject
 * supervised by several departments (joint pool) takes the highest stratum over its departments.
 *
 * Rounding rule. target = ⌈poolSize × ratio⌉, computed exactly: the ratio is read as the exact decimal
 * of its shortest round-trip text (JavaScript `String(r)`, the same digits as Python's `repr`), so 0.3 is
 * 3/10 and ⌈10 × 0.3⌉ = 3. A non-empty stratum with a positive ratio therefore gets ≥ 1; it gets 0 only
 * if its ratio is exactly 0, given explicitly. A non-empty stratum without a ratio is an error
 * (MISSING_RATIO); ratios outside [0, 1] are INVALID_RATIO.
 *
 * Cap rule. If the targets sum to more than the cap C: let P be the strata with target > 0.
 *   - If C ≥ |P|: every stratum of P keeps 1 visit, and the remaining R = C − |P| visits are shared in
 *     proportion to the excesses e = target − 1 (E = Σe) by largest remainder (Hamilton): each stratum
 *     gets ⌊R·e/E⌋, then the R − Σ⌊R·e/E⌋ strata with the largest remainders R·e mod E get one more,
 *     equal remainders in stratum order FLAGGED, D, C, B, A. No stratum ever exceeds its target.
 *   - If C < |P|: the C highest strata of P (FLAGGED, D, C, B, A) get 1 visit, the others 0.
 */

import { InvalidInputError, InvalidRatioError, MissingRatioError } from "./errors.js";
import type { DepartmentRisk, RiskClass, Stratum } from "./types.js";
import { sortedSet, requireText } from "./text.js";

/** All strata, highest first (the order used by the record and by the cap rule's tie-breaks). */
export const STRATA: readonly Stratum[] = ["FLAGGED", "D", "C", "B", "A"];

const RISK_CLASSES: readonly RiskClass[] = ["A", "B", "C", "D"];

/** Rank of a stratum: A = 0 … FLAGGED = 4. */
export function stratumRank(s: Stratum): number {
  return s === "FLAGGED" ? 4 : RISK_CLASSES.indexOf(s);
}

/** Strata by rank (A = 0 … FLAGGED = 4), the inverse of `stratumRank`. */
const BY_RANK: readonly Stratum[] = [...RISK_CLASSES, "FLAGGED"];

/**
 * The rank of the stratum one department's risk puts a subject in — `stratumRank(stratumOf([risk]))` — validated as
 * `stratumOf` does, without allocating: freeze folds a million department lines with it.
 */
export function riskRank(r: DepartmentRisk): number {
  const c = r.riskClass;
  const rank = c === "A" ? 0 : c === "B" ? 1 : c === "C" ? 2 : c === "D" ? 3 : -1;
  if (rank < 0) throw new InvalidInputError(`信用风险分类 ${String(c)} 无效（应为 A–D）`, { risk: r });
  const f = r.flags;
  return f && (f.abnormal || f.dishonest || f.seriousViolation || f.keySector) ? 4 : rank;
}

/** The stratum of a rank (A = 0 … FLAGGED = 4). */
export function stratumOfRank(rank: number): Stratum {
  return BY_RANK[rank]!;
}

/** The stratum of a subject from its risk in each supervising department (highest over departments). */
export function stratumOf(risks: readonly DepartmentRisk[]): Stratum {
  if (risks.length === 0) throw new InvalidInputError("市场主体至少需要一个部门的信用风险分类", {});
  let best = 0;
  for (const r of risks) best = Math.max(best, riskRank(r));
  return BY_RANK[best]!;
}

/** Build a candidate pool entry from a subject's department risks and applicable matters. */
export function buildCandidate(
  subjectId: string,
  risks: readonly DepartmentRisk[],
  matters: readonly string[],
): {
  subjectId: string;
  stratum: Stratum;
  matters: string[];
  departments: string[];
} {
  return {
    subjectId: requireText(subjectId, "subjectId"),
    stratum: stratumOf(risks),
    matters: sortedSet(matters),
    departments: sortedSet(risks.map((r) => requireText(r.department, "department"))),
  };
}

/** Check a ratio: a finite number in [0, 1]. */
export function validateRatio(stratum: string, ratio: unknown): number {
  if (typeof ratio !== "number" || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new InvalidRatioError(stratum, ratio);
  return ratio === 0 ? 0 : ratio; // normalises -0
}

/** The exact decimal value of a double's shortest text, as mantissa / 10^scale. */
function exactDecimal(r: number): { mantissa: bigint; scale: bigint } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(r));
  if (!m) throw new InvalidRatioError("?", r);
  const frac = m[2] ?? "";
  let mantissa = BigInt(m[1]! + frac);
  let scale = BigInt(frac.length) - BigInt(m[3] ?? "0");
  if (scale < 0n) {
    mantissa *= 10n ** -scale;
    scale = 0n;
  }
  return { mantissa, scale };
}

/** ⌈n × ratio⌉, exactly (see the rounding rule above). */
export function ratioTarget(n: number, ratio: number): number {
  validateRatio("?", ratio);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidInputError(`数量 ${n} 无效`, { n });
  const { mantissa, scale } = exactDecimal(ratio);
  const d = 10n ** scale;
  return Number((BigInt(n) * mantissa + d - 1n) / d);
}

/** Apply the cap rule to targets given in STRATA order (highest first). Returns the capped targets. */
export function applyCap(targets: readonly number[], cap: number | null): number[] {
  const total = targets.reduce((a, b) => a + b, 0);
  if (cap === null || total <= cap) return [...targets];
  const positive = targets.map((t, i) => (t > 0 ? i : -1)).filter((i) => i >= 0);
  const out = targets.map(() => 0);
  if (cap < positive.length) {
    for (const i of positive.slice(0, cap)) out[i] = 1;
    return out;
  }
  const r = cap - positive.length;
  const e = targets.map((t) => Math.max(0, t - 1));
  const bigE = total - positive.length;
  const rem: number[] = targets.map(() => -1);
  let given = 0;
  for (const i of positive) {
    const num = r * e[i]!;
    const base = Math.floor(num / bigE);
    out[i] = 1 + base;
    rem[i] = num - base * bigE;
    given += base;
  }
  const order = [...positive].sort((a, b) => rem[b]! - rem[a]! || a - b);
  for (let k = 0; k < r - given; k++) out[order[k]!]! += 1;
  return out;
}

/** Counts of one stratum before selection. */
export interface StratumPlan {
  stratum: Stratum;
  poolSize: number;
  ratio: number | null;
  ratioTarget: number;
  target: number;
}

/** Validate a ratios object: known strata only, each ratio in [0, 1]. */
export function validateRatios(ratios: unknown): Partial<Record<Stratum, number>> {
  if (typeof ratios !== "object" || ratios === null || Array.isArray(ratios))
    throw new InvalidInputError("抽查比例必须是按层级给出的对象", { ratios });
  const out: Partial<Record<Stratum, number>> = {};
  for (const [k, v] of Object.entries(ratios)) {
    if (v === undefined) continue;
    if (!STRATA.includes(k as Stratum)) throw new InvalidInputError(`未知的层级 ${k}（应为 ${STRATA.join("/")}）`, { stratum: k });
    out[k as Stratum] = validateRatio(k, v);
  }
  // keep a fixed key order so the record's JSON is canonical
  const sorted: Partial<Record<Stratum, number>> = {};
  for (const s of STRATA) if (out[s] !== undefined) sorted[s] = out[s];
  return sorted;
}

/** Per-stratum targets from pool sizes, ratios and cap (rounding rule, then cap rule). STRATA order. */
export function stratumTargets(
  poolSizes: Partial<Record<Stratum, number>>,
  ratios: Partial<Record<Stratum, number>>,
  cap: number | null,
): StratumPlan[] {
  const valid = validateRatios(ratios);
  if (cap !== null && (!Number.isSafeInteger(cap) || cap < 0))
    throw new InvalidInputError(`抽查总数上限 ${String(cap)} 必须是非负整数`, { cap });
  const plans = STRATA.map((stratum): StratumPlan => {
    const poolSize = poolSizes[stratum] ?? 0;
    const ratio = valid[stratum] ?? null;
    if (ratio === null && poolSize > 0) throw new MissingRatioError(stratum, poolSize);
    const t = ratio === null ? 0 : ratioTarget(poolSize, ratio);
    return { stratum, poolSize, ratio, ratioTarget: t, target: t };
  });
  const capped = applyCap(
    plans.map((p) => p.ratioTarget),
    cap,
  );
  plans.forEach((p, i) => (p.target = capped[i]!));
  return plans;
}
