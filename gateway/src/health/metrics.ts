import { scrapeTokenMatches } from "@ssj/shared";
import type { Express } from "express";

/**
 * `GET /metrics` in Prometheus' text format, closed without the scrape token (METRICS_TOKEN). Each part of
 * the gateway contributes its lines (`sources`, read at every scrape); the process's memory comes last.
 */
export function mountMetrics(app: Express, token: string | undefined, sources: (() => string[])[]): void {
  app.get("/metrics", (req, res) => {
    if (!scrapeTokenMatches(req.headers.authorization, token))
      return res
        .status(401)
        .json({ errors: [{ message: "读取运行指标须持有监控令牌（METRICS_TOKEN）", extensions: { code: "UNAUTHENTICATED" } }] });
    const m = process.memoryUsage();
    const lines = [...sources.flatMap((s) => s()), `process_resident_memory_bytes ${m.rss}`, `nodejs_heap_used_bytes ${m.heapUsed}`];
    res.type("text/plain").send(lines.join("\n") + "\n");
  });
}
