import { AppError } from "@ssj/shared";

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
