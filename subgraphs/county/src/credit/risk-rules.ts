/**
 * The rule that turns published results into risk-class proposals (docs/credit.md), held as data: a
 * new version is a new entry here, and each proposal records the version that made it. Only the
 * last entry proposes; the earlier ones stay so that old proposals can still be explained.
 */
export interface RiskRuleData {
  version: string;
  /** A published result containing any of these proposes one class up (higher risk). */
  upOn: readonly string[];
  /** A published result whose every finding is one of these is clean. */
  clean: readonly string[];
  /** This many clean results in a row (of the same department, for the same subject) propose one class down. */
  cleanInARowForDown: number;
  description: string;
}

export const RISK_RULES: readonly RiskRuleData[] = [
  {
    version: "2026-1",
    upOn: ["DISCLOSURE_FALSIFIED", "PENDING_FOLLOW_UP"],
    clean: ["NO_PROBLEM"],
    cleanInARowForDown: 2,
    description:
      "抽查结果含“公示信息隐瞒真实情况弄虚作假”或“发现问题待后续处理”的，建议风险分类上调一级；同一部门对同一主体连续两次抽查结果均为“未发现问题”的，建议下调一级。建议须经部门管理员批准方生效。",
  },
];

export const currentRiskRule = (): RiskRuleData => RISK_RULES.at(-1)!;

export type RiskDirection = "UP" | "DOWN";

/**
 * What the rule proposes after a department's latest published result on a subject. `history` is that
 * department's published results on the subject, oldest first, the latest last; each is the list of
 * its findings' result names. A run of clean results proposes DOWN at every `cleanInARowForDown`-th
 * result of the run, so one run never proposes twice for the same results.
 */
export function proposeRiskChange(
  rule: RiskRuleData,
  history: readonly (readonly string[])[],
): { direction: RiskDirection; reason: string } | null {
  const latest = history.at(-1);
  if (!latest?.length) return null;
  const up = latest.filter((r) => rule.upOn.includes(r));
  if (up.length) return { direction: "UP", reason: `规则 ${rule.version}：抽查结果含 ${[...new Set(up)].join("、")}` };
  const isClean = (results: readonly string[]) => results.length > 0 && results.every((r) => rule.clean.includes(r));
  let run = 0;
  for (let i = history.length - 1; i >= 0 && isClean(history[i]!); i--) run++;
  if (run > 0 && run % rule.cleanInARowForDown === 0)
    return { direction: "DOWN", reason: `规则 ${rule.version}：连续 ${rule.cleanInARowForDown} 次抽查未发现问题` };
  return null;
}

const CLASSES = ["A", "B", "C", "D"] as const;

/** One class up (towards D, higher risk) or down (towards A); null when already at the end. */
export function shiftClass(current: string, direction: RiskDirection): string | null {
  const i = CLASSES.indexOf(current as (typeof CLASSES)[number]);
  if (i < 0) return null;
  const j = direction === "UP" ? i + 1 : i - 1;
  return j >= 0 && j < CLASSES.length ? CLASSES[j]! : null;
}
