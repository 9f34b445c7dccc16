import { AppError } from "@ssj/shared";
import type { GraphQLFormattedError } from "graphql";

export const COUNTY_UNAVAILABLE = "COUNTY_UNAVAILABLE";

/**
 * A county instance that cannot be reached (refused, reset, no answer) is COUNTY_UNAVAILABLE with a
 * message a clerk can act on, as the record route already answers; an HTTP answer with GraphQL errors
 * is the county's own answer and passes unchanged.
 */
export function countyUnavailable(e: unknown): unknown {
  if ((e as { extensions?: { response?: unknown } })?.extensions?.response) return e;
  return new AppError(COUNTY_UNAVAILABLE, "县级协调服务暂时不可用，请稍后重试；已提交的操作不受影响", {
    reason: String((e as Error)?.message ?? e),
  });
}

/**
 * The GraphQL errors of a subgraph that answered with an HTTP error status (a variable its scalar refused is
 * HTTP 400 with BAD_USER_INPUT): the subgraph's own answer, passed to the client as it is rather than as an
 * internal error of the gateway. Null when the failure carried no GraphQL errors.
 */
export function subgraphErrorsOf(e: unknown): GraphQLFormattedError[] | null {
  const body = (e as { extensions?: { response?: { body?: { errors?: unknown } } } })?.extensions?.response?.body;
  return Array.isArray(body?.errors) && body.errors.length ? (body.errors as GraphQLFormattedError[]) : null;
}
