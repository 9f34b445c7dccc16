import { GraphQLError } from "graphql";

/**
 * Every refusal the platform gives a user: an English machine-readable `code` in
 * `extensions.code` and a Chinese message a clerk can act on. Thrown inside resolvers it
 * reaches the client unchanged through the gateway.
 */
export class AppError extends GraphQLError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = "AppError";
  }

  get code(): string {
    return this.extensions.code as string;
  }
}

/** Codes used across services (a service may add its own). */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  REQUIRED_FIELD: "REQUIRED_FIELD",
  INVALID_USCC: "INVALID_USCC",
  INVALID_RATIO: "INVALID_RATIO",
  INVALID_REGION: "INVALID_REGION",
  INVALID_CSV: "INVALID_CSV",
  UNKNOWN_DEPARTMENT: "UNKNOWN_DEPARTMENT",
  DUPLICATE: "DUPLICATE",
  NOT_FOUND: "NOT_FOUND",
  INVALID_STATE: "INVALID_STATE",
  WRONG_DEPARTMENT: "WRONG_DEPARTMENT",
  DEPARTMENT_UNAVAILABLE: "DEPARTMENT_UNAVAILABLE",
} as const;

/** A required text field: trimmed, non-empty, bounded. */
export function requireText(value: string | null | undefined, field: string, label: string, max = 500): string {
  const v = (value ?? "").trim();
  if (!v) throw new AppError(ErrorCode.REQUIRED_FIELD, `${label}不能为空`, { field });
  if (v.length > max) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}过长（最多 ${max} 个字符）`, { field });
  return v;
}
