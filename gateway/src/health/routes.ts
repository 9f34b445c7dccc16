import { publicSetOf, serviceRoute, type DepartmentCalls, type PrivateKeySource } from "@ssj/shared";
import type { Express } from "express";
import type { ShardMap } from "../sharding/shard-map.js";

/**
 * Liveness (`/healthz`), readiness (`/readyz`: the county answers the registry, and each department its own
 * health check within the department deadline) and the gateway's public signing keys (docs/deployment.md).
 */
export function mountHealthRoutes(app: Express, deps: { shardMap: ShardMap; calls: DepartmentCalls; keys: PrivateKeySource }): void {
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", service: "gateway" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      const shards = await deps.shardMap.current();
      const departments = await Promise.all(
        shards.map(async (s) => {
          const ok = await fetch(serviceRoute(s.url, "/readyz"), { signal: AbortSignal.timeout(deps.calls.config.timeoutMs) })
            .then((r) => r.ok)
            .catch(() => false);
          return { code: s.code, name: s.name, ready: ok };
        }),
      );
      // Still ready (partial answers are served), but a department that misses its health check is named.
      const unavailable = departments.filter((d) => !d.ready).map((d) => d.code);
      res.json({ status: unavailable.length ? "degraded" : "ready", county: true, departments, unavailable });
    } catch {
      res.status(503).json({ status: "not ready", county: false, departments: [] });
    }
  });
  app.get("/.well-known/jwks.json", (_req, res) => {
    res.json(publicSetOf(deps.keys));
  });
}
