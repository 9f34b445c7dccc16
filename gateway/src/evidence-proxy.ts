import type { Express, Request, Response } from "express";
import { Readable } from "node:stream";

/**
 * Evidence through the one public address: `POST /visits/:id/evidence` streams the upload to the
 * county service (never held in the gateway's memory), `GET /visits/:id/evidence/:sha256` streams the
 * file back; `GET /visits/:id/report/:department.pdf` the printable report. The county decides who may do either, from the identity the gateway signs.
 */
export function mountEvidenceProxy(
  app: Express,
  countyUrl: string,
  signed: (req: Request, method: string, path: string) => Promise<Record<string, string>>,
): void {
  const target = (path: string, req: Request) => {
    const url = new URL(countyUrl.replace(/\/graphql\/?$/, path));
    if (typeof req.query.name === "string") url.searchParams.set("name", req.query.name);
    return url;
  };
  const relay = async (req: Request, res: Response, upstream: globalThis.Response) => {
    res.status(upstream.status);
    for (const h of ["content-type", "content-length", "content-disposition"]) {
      const v = upstream.headers.get(h);
      if (v) res.setHeader(h, v);
    }
    if (upstream.body) Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  };
  const unavailable = (res: Response, e: unknown) => {
    if ((e as { extensions?: { code?: string } }).extensions?.code === "UNAUTHENTICATED")
      res.status(401).json({ errors: [{ message: (e as Error).message, extensions: { code: "UNAUTHENTICATED" } }] });
    else res.status(502).json({ errors: [{ message: "县级协调服务暂时不可用", extensions: { code: "COUNTY_UNAVAILABLE" } }] });
  };

  app.post("/visits/:id/evidence", async (req, res) => {
    const path = `/visits/${encodeURIComponent(req.params.id)}/evidence`;
    try {
      const headers: Record<string, string> = { ...(await signed(req, "POST", path)) };
      for (const h of ["content-type", "content-length"]) if (req.headers[h]) headers[h] = String(req.headers[h]);
      const upstream = await fetch(target(path, req), {
        method: "POST",
        headers,
        body: Readable.toWeb(req) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      await relay(req, res, upstream);
    } catch (e) {
      unavailable(res, e);
    }
  });

  app.get("/visits/:id/report/:file", async (req, res) => {
    const path = `/visits/${encodeURIComponent(req.params.id)}/report/${encodeURIComponent(req.params.file)}`;
    try {
      await relay(req, res, await fetch(target(path, req), { headers: await signed(req, "GET", path) }));
    } catch (e) {
      unavailable(res, e);
    }
  });

  app.get("/visits/:id/evidence/:sha256", async (req, res) => {
    const path = `/visits/${encodeURIComponent(req.params.id)}/evidence/${encodeURIComponent(req.params.sha256)}`;
    try {
      await relay(req, res, await fetch(target(path, req), { headers: await signed(req, "GET", path) }));
    } catch (e) {
      unavailable(res, e);
    }
  });
}
