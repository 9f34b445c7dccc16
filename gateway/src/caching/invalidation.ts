import type { Express } from "express";
import type { ResponseCache } from "./response-cache.js";

/**
 * Writes that do not go through /graphql (imports, evidence uploads) change what queries answer: a
 * successful one empties the response cache, as a mutation does (caching/plugin.ts).
 */
export function invalidateOnUploads(app: Express, responses: Pick<ResponseCache<unknown>, "invalidate" | "stats">): void {
  app.post(["/import/:department/:kind", "/visits/:id/evidence"], (_req, res, next) => {
    res.on("finish", () => res.statusCode < 400 && responses.invalidate());
    next();
  });
}

/** The response cache's counters, as lines of GET /metrics. */
export function responseCacheMetrics(responses: Pick<ResponseCache<unknown>, "invalidate" | "stats">): string[] {
  return [
    `gateway_response_cache_hits_total ${responses.stats.hits}`,
    `gateway_response_cache_misses_total ${responses.stats.misses}`,
    `gateway_response_cache_invalidations_total ${responses.stats.invalidations}`,
  ];
}
