import type { StratumRatiosInput } from "./plan.input.js";
import type { PlanMatterSnapshot } from "./plan.entity.js";

/**
 * `Matter.defaultRatio` fills the strata a plan leaves out (docs/rules.md): the highest default among
 * the plan's matters, because one visit carries every matter, so only the highest meets them all.
 * FLAGGED keeps its own rule (never below another stratum, plan.rules.ts).
 */
export function withDefaultRatios(
  input: StratumRatiosInput | null | undefined,
  matters: Pick<PlanMatterSnapshot, "defaultRatio">[],
): StratumRatiosInput & { D: number; C: number; B: number; A: number } {
  const fallback = Math.max(0, ...matters.map((m) => m.defaultRatio ?? 0));
  const given = input ?? ({ zeroReasons: [] } as StratumRatiosInput);
  return {
    ...given,
    zeroReasons: given.zeroReasons ?? [],
    D: given.D ?? fallback,
    C: given.C ?? fallback,
    B: given.B ?? fallback,
    A: given.A ?? fallback,
  };
}
