/**
 * Errors of the draw engine.
 *
 * Why its own classes: the engine is a pure library used by the county service *and* by the
 * stand-alone verify command, so it must not depend on GraphQL or any service package. Every error
 * carries a stable English `code` (for programs and for the GraphQL layer to map) and a Chinese
 * `message` (for the people running a public draw), plus structured `details`.
 */

/** Stable machine-readable error codes of the engine. */
export type DrawEngineErrorCode =
  "INVALID_INPUT" | "INVALID_RATIO" | "MISSING_RATIO" | "EMPTY_POOL" | "DUPLICATE_ID" | "INFEASIBLE_ASSIGNMENT";

/** Base class: every error thrown on purpose by the engine is a DrawEngineError. */
export class DrawEngineError extends Error {
  readonly code: DrawEngineErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DrawEngineErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Malformed input: wrong type, empty string where an id is needed, unknown stratum, bad cap… */
export class InvalidInputError extends DrawEngineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("INVALID_INPUT", message, details);
  }
}

/** A sampling ratio outside [0, 1] (or not a finite number). */
export class InvalidRatioError extends DrawEngineError {
  constructor(
    readonly stratum: string,
    readonly ratio: unknown,
  ) {
    super("INVALID_RATIO", `抽查比例无效：层级 ${stratum} 的比例 ${String(ratio)} 不在 [0, 1] 区间内`, { stratum, ratio });
  }
}

/** A non-empty stratum for which the plan gives no ratio (we never silently skip a stratum: 不免抽). */
export class MissingRatioError extends DrawEngineError {
  constructor(
    readonly stratum: string,
    readonly poolSize: number,
  ) {
    super("MISSING_RATIO", `抽查计划缺少层级 ${stratum} 的抽查比例（该层有 ${poolSize} 个市场主体）；如确需不抽，请明确设为 0`, {
      stratum,
      poolSize,
    });
  }
}

/** The candidate pool (or the inspector pool) is empty. */
export class EmptyPoolError extends DrawEngineError {
  constructor(readonly pool: "candidates" | "inspectors" | "experts") {
    const zh = pool === "candidates" ? "待抽取的市场主体名录" : pool === "inspectors" ? "执法检查人员名录" : "专家名录";
    super("EMPTY_POOL", `${zh}为空，无法摇号`, { pool });
  }
}

/** The same id appears twice in one pool. */
export class DuplicateIdError extends DrawEngineError {
  constructor(
    readonly pool: string,
    readonly ids: readonly string[],
  ) {
    super("DUPLICATE_ID", `名录中存在重复编号（${pool}）：${ids.slice(0, 10).join("、")}${ids.length > 10 ? " 等" : ""}`, {
      pool,
      ids: [...ids],
    });
  }
}

/** One hard rule that could not be met for one drawn subject. */
export interface InfeasibleItem {
  subjectId: string;
  /** The hard rule that could not be satisfied, e.g. `CATEGORY_COVERAGE`. */
  rule: string;
  /** What removed the last candidates, e.g. `WORKLOAD_CAP`, `CONFLICT`; null when nobody qualified at all. */
  blockedBy: string | null;
  /** Chinese explanation. */
  detail: string;
}

/**
 * The inspectors (or experts) cannot be assigned under the hard rules. The draw fails as a whole:
 * callers must persist nothing. `items` names every subject that could not be staffed and why.
 */
export class InfeasibleAssignmentError extends DrawEngineError {
  readonly items: readonly InfeasibleItem[];

  constructor(items: readonly InfeasibleItem[]) {
    const shown = items.slice(0, 5).map((i) => `${i.subjectId}（${i.rule}${i.blockedBy ? "/" + i.blockedBy : ""}：${i.detail}）`);
    super(
      "INFEASIBLE_ASSIGNMENT",
      `无法按规则为 ${items.length} 个被抽中的市场主体分配检查人员：${shown.join("；")}${items.length > 5 ? "；……" : ""}`,
      { items: items.map((i) => ({ ...i })) },
    );
    this.items = items;
  }
}
