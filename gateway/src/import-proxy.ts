import type { Express, Request, Response } from "express";
import { Readable } from "node:stream";
import type { ShardMap } from "./sharding/shard-map.js";
import { serviceRoute, sendError, ErrorCode } from "@ssj/shared";

/**
 * `POST /import/:department/subjects?mode=…&encoding=…`: the CSV upload, streamed through to the
 * department's instance (a 200,000-row file is never held in the gateway's memory).
 */
export function mountImportProxy(
  app: Express,
  shardMap: ShardMap,
  forwardHeaders: (req: Request) => Promise<Record<string, string>>,
): void {
  app.post("/import/:department/subjects", async (req: Request, res: Response) => {
    const code = String(req.params.department);
    try {
      const shard = (await shardMap.covering([code])).find((s) => s.code === code);
      if (!shard) {
        res
          .status(404)
          .json({ errors: [{ message: `未登记的部门：「${code}」`, extensions: { code: "UNKNOWN_DEPARTMENT", department: code } }] });
        return;
      }
      const target = new URL(serviceRoute(shard.url, "/import/subjects"));
      target.searchParams.set("department", code);
      for (const k of ["mode", "encoding"]) if (typeof req.query[k] === "string") target.searchParams.set(k, req.query[k] as string);
      const upstream = await fetch(target, {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] ?? "text/csv", ...(await forwardHeaders(req)) },
        body: Readable.toWeb(req) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      res
        .status(upstream.status)
        .type("application/json")
        .send(Buffer.from(await upstream.arrayBuffer()));
    } catch (e) {
      if ((e as { extensions?: { code?: string } }).extensions?.code === "UNAUTHENTICATED") {
        sendError(res, 401, ErrorCode.UNAUTHENTICATED, (e as Error).message);
        return;
      }
      sendError(res, 502, ErrorCode.DEPARTMENT_UNAVAILABLE, `部门「${code}」的服务暂时不可用`, { department: code, reason: String(e) });
    }
  });
}
