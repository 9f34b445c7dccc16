import { DepartmentKind } from "../departments/department.entity.js";

/**
 * 随机抽查事项占比目标 (docs/rules.md, "Targets"; 实施细则 §二): random inspection must cover at least 70 % of a
 * market-supervision department's enforcement inspection matters and 50 % of any other department's.
 */
export function shareTarget(kind: DepartmentKind): number {
  return kind === DepartmentKind.MARKET_SUPERVISION ? 0.7 : 0.5;
}

/** Share of random-inspection matters in the declared total; null until a total is declared. */
export function matterShare(randomMatters: number, declaredTotal: number | null): number | null {
  return declaredTotal ? randomMatters / declaredTotal : null;
}
