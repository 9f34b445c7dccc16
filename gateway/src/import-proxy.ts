import type { Express, Request, Response } from "express";
import { Readable } from "node:stream";
import { mountImportTemplate } from "./import-template.js";
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
  mountImportTemplate(app);
  for (const kind of ["subjects", "flags"]) mountUpload(app, shardMap, forwardHeaders, kind);
}

/** `/import/:department/subjects` (the directory) and `/import/:department/flags` (credit flags, docs/credit.md). */
function mountUpload(app: Express, shardMap: ShardMap, forwardHeaders: (req: Request) => Promise<Record<string, string>>, kind: string) {
  app.post(`/import/:department/${kind}`, async (req: Request, res: Response) => {
    const code = String(req.params.department);
    try {
      const shard = (await shardMap.covering([code])).find((s) => s.code === code);
      if (!shard) {
        await drain(req);
        res
          .status(404)
          .json({ errors: [{ message: `未登记的部门：「${code}」`, extensions: { code: "UNKNOWN_DEPARTMENT", department: code } }] });
        return;
      }
      const target = new URL(serviceRoute(shard.url, `/import/${kind}`));
      target.searchParams.set("department", code);
      for (const k of ["mode", "encoding", "idempotencyKey"])
        if (typeof req.query[k] === "string") target.searchParams.set(k, req.query[k] as string);
      const upstream = await fetch(target, {
        method: "POST",
        headers: {
          "content-type": req.headers["content-type"] ?? "text/csv",
          ...(typeof req.headers["idempotency-key"] === "string" ? { "idempotency-key": req.headers["idempotency-key"] } : {}),
          ...(await forwardHeaders(req)),
        },
        body: Readable.toWeb(req) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      res
        .status(upstream.status)
        .type("application/json")
        .send(Buffer.from(await upstream.arrayBuffer()));
    } catch (e) {
      await drain(req);
      if ((e as { extensions?: { code?: string } }).extensions?.code === "UNAUTHENTICATED") {
        sendError(res, 401, ErrorCode.UNAUTHENTICATED, (e as Error).message);
        return;
      }
      sendError(res, 502, ErrorCode.DEPARTMENT_UNAVAILABLE, `部门「${code}」的服务暂时不可用`, { department: code, reason: String(e) });
    }
  });
}

/**
 * Reads what is left of an upload the gateway refuses itself (unknown department, no valid token,
 * department down) before answering: answering mid-upload resets the connection and the sender
 * sees ECONNRESET instead of the reason.
 */
async function drain(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed || req.readableFlowing === false) return;
  try {
    for await (const chunk of req) void chunk;
  } catch {
    // the sender went away
  }
}
