/** Ratios per stratum as the wizard collects them (percent), and the rule the county also enforces. */
export type RatioPercents = { FLAGGED?: number | null; A: number; B: number; C: number; D: number };

/**
 * The flagged stratum (abnormal list, dishonest, serious violations, key sectors) is never drawn at a lower
 * ratio than any other stratum (docs/architecture.md, plan rules). Returns the Chinese message, or null.
 */
export function flaggedRatioProblem(r: Partial<RatioPercents>): string | null {
  if (r.FLAGGED == null) return null;
  const others = (["A", "B", "C", "D"] as const).filter((s) => r[s] != null && r[s]! > r.FLAGGED!);
  if (!others.length) return null;
  const s = others.sort((a, b) => r[b]! - r[a]!)[0]!;
  return `重点关注层（经营异常、失信、严重违法、重点领域）的抽查比例 ${r.FLAGGED}% 低于 ${s} 类的 ${r[s]}%：重点关注层的比例不得低于其他任何一层`;
}
