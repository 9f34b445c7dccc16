import { formatError } from "@ssj/shared";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

/**
 * Apollo answers every validation error with code GRAPHQL_VALIDATION_FAILED; a limit rule's own code
 * (QUERY_TOO_DEEP, TOO_MANY_ALIASES, QUERY_TOO_COMPLEX) is kept so that clients can tell a limit from a typo.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (formatted.extensions?.code === "GRAPHQL_VALIDATION_FAILED" && typeof code === "string") {
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  return formatError(formatted, error);
}
