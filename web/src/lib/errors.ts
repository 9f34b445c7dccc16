import { CombinedGraphQLErrors } from "@apollo/client/errors";

/** The API's own Chinese message for a failed operation (every mutation answers one), else a generic one. */
export function apiMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join("；");
  if (error instanceof Error) return `网络或服务错误：${error.message}`;
  return "未知错误";
}
