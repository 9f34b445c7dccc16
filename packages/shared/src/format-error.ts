import type { GraphQLFormattedError } from "graphql";

/**
 * Errors that are not ours (a driver failure, a bug) reach clients as a generic Chinese message with
 * code INTERNAL_SERVER_ERROR; the detail stays in the service log.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === "INTERNAL_SERVER_ERROR") {
    console.error(error);
    return { ...formatted, message: "服务内部错误，请稍后重试", extensions: { code } };
  }
  return formatted;
}
