import { GraphQLError } from "graphql";

/**
 * Every refusal the platform gives a user: an English machine-readable `code` in
 * `extensions.code` and a Chinese message a clerk can act on. Thrown inside resolvers it
 * reaches the client unchanged through the gateway.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = "AppError";
  }

  /**
   * A refusal relayed from another of our services (a department answering the county): its code is that
   * service's ErrorCode, passed on as it came, or `fallback` when it carries none.
   */
  static relayed(code: unknown, fallback: ErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
    const error = new AppError(fallback, message, details);
    if (typeof code === "string") error.extensions.code = code;
    return error;
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

/**
 * Every code an AppError may carry (`extensions.code`), in one list so that clients can rely on them and a typo
 * does not compile. Add a code here, never as a bare string at the throw.
 */
export const ErrorCode = {
  // input
  BAD_USER_INPUT: "BAD_USER_INPUT",
  REQUIRED_FIELD: "REQUIRED_FIELD",
  INVALID_USCC: "INVALID_USCC",
  INVALID_RATIO: "INVALID_RATIO",
  INVALID_REGION: "INVALID_REGION",
  INVALID_CSV: "INVALID_CSV",
  DUPLICATE: "DUPLICATE",
  NOT_FOUND: "NOT_FOUND",
  INVALID_STATE: "INVALID_STATE",
  SAME_PERSON: "SAME_PERSON",
  // who may ask
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  WRONG_DEPARTMENT: "WRONG_DEPARTMENT",
  // departments and plans
  UNKNOWN_DEPARTMENT: "UNKNOWN_DEPARTMENT",
  DEPARTMENT_UNAVAILABLE: "DEPARTMENT_UNAVAILABLE",
  DEPARTMENT_ERROR: "DEPARTMENT_ERROR",
  COUNTY_UNAVAILABLE: "COUNTY_UNAVAILABLE",
  // the mutation log could not be written: the change was rolled back with it
  AUDIT_WRITE_FAILED: "AUDIT_WRITE_FAILED",
  JOINT_NEEDS_TWO_DEPARTMENTS: "JOINT_NEEDS_TWO_DEPARTMENTS",
  MATTER_NOT_IN_PLAN: "MATTER_NOT_IN_PLAN",
  ONE_DRAW_PER_TASK: "ONE_DRAW_PER_TASK",
  PLAN_FROZEN: "PLAN_FROZEN",
  FLAGGED_RATIO_TOO_LOW: "FLAGGED_RATIO_TOO_LOW",
  ZERO_RATIO_NEEDS_REASON: "ZERO_RATIO_NEEDS_REASON",
  INVALID_REPORT_DEADLINE: "INVALID_REPORT_DEADLINE",
  UNKNOWN_CATEGORY: "UNKNOWN_CATEGORY",
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  // ceremony values committed before the freeze
  COMMITMENT_NOT_FOUND: "COMMITMENT_NOT_FOUND",
  COMMITMENT_MISMATCH: "COMMITMENT_MISMATCH",
  COMMITMENT_NOT_REVEALED: "COMMITMENT_NOT_REVEALED",
  // the inspection (visits, findings, evidence, reports)
  NOT_ON_VISIT: "NOT_ON_VISIT",
  TOO_FEW_INSPECTORS: "TOO_FEW_INSPECTORS",
  DEPARTMENT_NOT_PRESENT: "DEPARTMENT_NOT_PRESENT",
  CERTIFICATES_NOT_SHOWN: "CERTIFICATES_NOT_SHOWN",
  MATTER_NOT_ON_VISIT: "MATTER_NOT_ON_VISIT",
  FINDINGS_MISSING: "FINDINGS_MISSING",
  EVIDENCE_TOO_LARGE: "EVIDENCE_TOO_LARGE",
  EVIDENCE_TYPE_MISMATCH: "EVIDENCE_TYPE_MISMATCH",
  EVIDENCE_TYPE_NOT_ACCEPTED: "EVIDENCE_TYPE_NOT_ACCEPTED",
  OWN_REPORT: "OWN_REPORT",
  REPORT_NOT_REVIEWED: "REPORT_NOT_REVIEWED",
  // handling of problems and referrals between departments (docs/handling.md)
  HANDLING_NOT_NEEDED: "HANDLING_NOT_NEEDED",
  REFERRAL_TO_SELF: "REFERRAL_TO_SELF",
  // credit feedback (risk-class proposals, exports, flag imports)
  RISK_PROPOSAL_DECIDED: "RISK_PROPOSAL_DECIDED",
  // assessment figures (docs/statistics.md)
  INVALID_YEAR: "INVALID_YEAR",
  INVALID_MATTER_TOTAL: "INVALID_MATTER_TOTAL",
  MATTER_TOTAL_BELOW_PUBLISHED: "MATTER_TOTAL_BELOW_PUBLISHED",
  // working-day calendars (packages/working-days)
  INVALID_CALENDAR: "INVALID_CALENDAR",
  INVALID_DATE_FORMAT: "INVALID_DATE_FORMAT",
  DATE_OUTSIDE_YEAR: "DATE_OUTSIDE_YEAR",
  HOLIDAY_AND_WORKDAY: "HOLIDAY_AND_WORKDAY",
  WORKDAY_NOT_WEEKEND: "WORKDAY_NOT_WEEKEND",
  // draws (the draw engine's DrawEngineErrorCode values are members too)
  POOL_TOO_SMALL: "POOL_TOO_SMALL",
  INSUFFICIENT_INSPECTORS: "INSUFFICIENT_INSPECTORS",
  INSUFFICIENT_EXPERTS: "INSUFFICIENT_EXPERTS",
  INVALID_INPUT: "INVALID_INPUT",
  MISSING_RATIO: "MISSING_RATIO",
  EMPTY_POOL: "EMPTY_POOL",
  DUPLICATE_ID: "DUPLICATE_ID",
  INFEASIBLE_ASSIGNMENT: "INFEASIBLE_ASSIGNMENT",
  // the platform
  BAD_CONFIGURATION: "BAD_CONFIGURATION",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A required text field: trimmed, non-empty, bounded. */
export function requireText(value: string | null | undefined, field: string, label: string, max = 500): string {
  const v = (value ?? "").trim();
  if (!v) throw new AppError(ErrorCode.REQUIRED_FIELD, `${label}不能为空`, { field });
  if (v.length > max) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}过长（最多 ${max} 个字符）`, { field });
  return v;
}
