import { AppError, ErrorCode, envString, requireText, validateDate, validateRegion } from "@ssj/shared";
import type { RatioNotes, StratumRatios } from "./plan.entity.js";
import type { StratumRatiosInput } from "./plan.input.js";

/**
 * GENERAL matters have a ratio ceiling (SAMR 2019 notice); KEY matters have none. A plan whose
 * matters are all GENERAL may not exceed it in any stratum. Configurable: GENERAL_MATTER_RATIO_CEILING.
 */
export function generalRatioCeiling(): number {
  return Number(envString("GENERAL_MATTER_RATIO_CEILING", "0.05"));
}

const STRATA_ORDER: (keyof StratumRatios)[] = ["FLAGGED", "D", "C", "B", "A"];

/**
 * The plan's ratios (docs/rules.md, "Ratios"): each in [0, 1]; FLAGGED never below another stratum
 * (seed rules §十五), defaulting — said so in the answer — to the highest of the others; a 0 (免抽) only
 * with a written reason; the GENERAL-matter ceiling applies to D–A, never to FLAGGED.
 */
/** The ratios once every risk stratum has one (default-ratios.ts fills the omitted ones). */
export type FullRatiosInput = StratumRatiosInput & { D: number; C: number; B: number; A: number };

export function validateRatios(input: FullRatiosInput, onlyGeneral: boolean): { ratios: StratumRatios; notes: RatioNotes } {
  const given: [keyof StratumRatios, number | null | undefined][] = [
    ["D", input.D],
    ["C", input.C],
    ["B", input.B],
    ["A", input.A],
    ["FLAGGED", input.FLAGGED],
  ];
  for (const [stratum, r] of given) {
    if (r == null) continue;
    if (!Number.isFinite(r) || r < 0 || r > 1) {
      throw new AppError(ErrorCode.INVALID_RATIO, `${stratum} 层的抽查比例应在 0 到 1（100%）之间，收到 ${r}`, {
        field: `ratios.${stratum}`,
      });
    }
  }
  const highest = Math.max(input.D, input.C, input.B, input.A);
  if (input.FLAGGED != null && input.FLAGGED < highest) {
    throw new AppError(
      ErrorCode.FLAGGED_RATIO_TOO_LOW,
      `FLAGGED 层（经营异常、失信、严重违法失信、重点领域）的比例 ${input.FLAGGED} 低于其他层的最高比例 ${highest}；` +
        "依实施细则第十五条，该层比例不得低于其他任何一层",
      { field: "ratios.FLAGGED" },
    );
  }
  const ratios: StratumRatios = { FLAGGED: input.FLAGGED ?? highest, D: input.D, C: input.C, B: input.B, A: input.A };
  const zeroReasons: RatioNotes["zeroReasons"] = {};
  for (const z of input.zeroReasons ?? []) {
    const stratum = z.stratum as keyof StratumRatios;
    if (!STRATA_ORDER.includes(stratum))
      throw new AppError(ErrorCode.BAD_USER_INPUT, `未知的抽样层「${z.stratum}」（应为 FLAGGED、D、C、B、A）`, {
        field: "ratios.zeroReasons",
      });
    if (ratios[stratum] !== 0)
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${stratum} 层比例不是 0，不需要免抽理由`, { field: "ratios.zeroReasons" });
    zeroReasons[stratum] = requireText(z.reason, "ratios.zeroReasons", `${stratum} 层免抽理由`, 1000);
  }
  for (const stratum of STRATA_ORDER) {
    if (ratios[stratum] === 0 && !zeroReasons[stratum]) {
      throw new AppError(
        ErrorCode.ZERO_RATIO_NEEDS_REASON,
        `${stratum} 层比例为 0 即该层免抽；不免抽是原则，如确需免抽，请在 zeroReasons 中写明理由（将随摇号记录公开）`,
        { field: `ratios.${stratum}` },
      );
    }
  }
  if (onlyGeneral) {
    const ceiling = generalRatioCeiling();
    for (const stratum of STRATA_ORDER) {
      if (stratum === "FLAGGED") continue; // the ceiling never lowers the flagged stratum
      if (ratios[stratum] > ceiling) {
        throw new AppError(
          ErrorCode.INVALID_RATIO,
          `计划只含一般事项，${stratum} 层比例 ${ratios[stratum]} 超过一般事项上限 ${ceiling}（重点事项不设上限；FLAGGED 层不受此限）`,
          { field: `ratios.${stratum}` },
        );
      }
    }
  }
  return { ratios, notes: { flaggedDefaulted: input.FLAGGED == null, zeroReasons } };
}

export function validateWindow(start: string, end: string): void {
  validateDate(start, "windowStart");
  validateDate(end, "windowEnd");
  if (start > end) throw new AppError(ErrorCode.BAD_USER_INPUT, `实施期开始 ${start} 晚于结束 ${end}`, { field: "windowEnd" });
}

export function validatePositive(v: number | null | undefined, field: string, label: string, min = 1): number | null {
  if (v == null) return null;
  if (!Number.isInteger(v) || v < min) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}应为不小于 ${min} 的整数`, { field });
  return v;
}

/** Region prefixes inspectors must be posted in (a borrowed department's inspectors are always eligible). */
export function validateEligibleRegions(values: string[] | null | undefined): string[] | null {
  if (values == null) return null;
  const list = validateScopeList(values, "eligibleRegions");
  if (!list.length)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "人员所在区划不能为空列表；不限制请省略该字段", { field: "eligibleRegions" });
  return list.map(validateRegionPrefix);
}

export function validateScopeList(values: string[] | undefined, field: string): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))].map((v) =>
    field === "scope.regions" ? validateRegionPrefix(v) : v,
  );
}

function validateRegionPrefix(v: string): string {
  return /^\d{2,12}$/.test(v) ? v : validateRegion(v, "scope.regions");
}

export { requireText };
