import type { Express } from "express";
import { serviceRoute, sendError, ErrorCode } from "@ssj/shared";

/**
 * `GET /draws/:id/record.json`: the public draw record file, served by the county service and passed
 * through unchanged, so a citizen can download it from the one public address.
 */
export function mountRecordProxy(
  app: Express,
  countyUrl: string,
  forwardHeaders: (req: import("express").Request) => Promise<Record<string, string>>,
): void {
  app.get("/draws/:id/record.json", async (req, res) => {
    const target = new URL(serviceRoute(countyUrl, `/draws/${encodeURIComponent(req.params.id)}/record.json`));
    if (typeof req.query.pools === "string") target.searchParams.set("pools", req.query.pools);
    try {
      const upstream = await fetch(target, { headers: await forwardHeaders(req) });
      res.status(upstream.status);
      for (const h of ["content-type", "content-disposition"]) {
        const v = upstream.headers.get(h);
        if (v) res.setHeader(h, v);
      }
      res.send(Buffer.from(await upstream.arrayBuffer()));
    } catch (e) {
      if ((e as { extensions?: { code?: string } }).extensions?.code === "UNAUTHENTICATED") {
        sendError(res, 401, ErrorCode.UNAUTHENTICATED, (e as Error).message);
        return;
      }
      sendError(res, 502, ErrorCode.COUNTY_UNAVAILABLE, "县级协调服务暂时不可用");
    }
  });
}
