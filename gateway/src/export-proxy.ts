import type { Express, Request } from "express";
import { serviceRoute, sendError, ErrorCode } from "@ssj/shared";

/**
 * `GET /exports/results`: the published-results export (docs/credit.md), served by the county with
 * the caller's identity signed by the gateway; query string, Accept and the paging headers pass through.
 */
export function mountExportProxy(app: Express, countyUrl: string, signed: (req: Request) => Promise<Record<string, string>>): void {
  app.get("/exports/results", async (req, res) => {
    let headers: Record<string, string>;
    try {
      headers = await signed(req);
    } catch (e) {
      sendError(res, 401, ErrorCode.UNAUTHENTICATED, (e as Error).message);
      return;
    }
    const target = new URL(serviceRoute(countyUrl, "/exports/results"));
    for (const [k, v] of Object.entries(req.query)) if (typeof v === "string") target.searchParams.set(k, v);
    try {
      const upstream = await fetch(target, { headers: { ...headers, accept: req.headers.accept ?? "application/json" } });
      res.status(upstream.status);
      for (const h of ["content-type", "content-disposition", "x-next-after", "link"]) {
        const v = upstream.headers.get(h);
        if (v) res.setHeader(h, v);
      }
      res.send(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      sendError(res, 502, ErrorCode.COUNTY_UNAVAILABLE, "县级协调服务暂时不可用");
    }
  });
}
