import { AppError, ErrorCode, envString, requireText, validateDate, validateRegion } from "@ssj/shared";
import type { StratumRatios } from "./plan.entity.js";
import type { StratumRatiosInput } from "./plan.input.js";

/**
 * GENERAL matters have a ratio ceiling (SAMR 2019 notice); KEY matters have none. A plan whose
 * matters are all GENERAL may not exceed it in any stratum. Configurable: GENERAL_MATTER_RATIO_CEILING.
 */
export function generalRatioCeiling(): number {
  return Number(envString("GENERAL_MATTER_RATIO_CEILING", "0.05"));
}

export function validateRatios(input: StratumRatiosInput, onlyGeneral: boolean): StratumRatios {
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
  const ratios: StratumRatios = {
    D: input.D,
    C: input.C,
    B: input.B,
    A: input.A,
    FLAGGED: input.FLAGGED ?? Math.max(input.D, input.C, input.B, input.A),
  };
  if (onlyGeneral) {
    const ceiling = generalRatioCeiling();
    for (const [stratum, r] of Object.entries(ratios)) {
      if (r > ceiling) {
        throw new AppError(
          ErrorCode.INVALID_RATIO,
          `计划只含一般事项，${stratum} 层比例 ${r} 超过一般事项上限 ${ceiling}（重点事项不设上限）`,
          { field: `ratios.${stratum}` },
        );
      }
    }
  }
  return ratios;
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

export function validateScopeList(values: string[] | undefined, field: string): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))].map((v) =>
    field === "scope.regions" ? validateRegionPrefix(v) : v,
  );
}

function validateRegionPrefix(v: string): string {
  return /^\d{2,12}$/.test(v) ? v : validateRegion(v, "scope.regions");
}

export { requireText };
