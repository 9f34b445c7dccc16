import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * `Authorization: Bearer <token>` equal to the configured scrape token (METRICS_TOKEN). Compared in
 * constant time; no token configured matches nothing.
 */
export function scrapeTokenMatches(authorization: string | undefined, token: string | undefined): boolean {
  if (!token || !authorization) return false;
  const m = /^Bearer\s+(\S+)$/i.exec(authorization);
  return !!m && timingSafeEqual(digest(m[1]!), digest(token));
}
