import type { MikroORM } from "@mikro-orm/core";
import { AppError, ErrorCode, forbidden, pageSize, Role, sendError, sendErrorOf, type Identity } from "@ssj/shared";
import { stringify } from "csv-stringify/sync";
import type { Express } from "express";
import { EXPORT_COLUMNS, EXPORT_MAX_PAGE, exportResults, parseSince } from "./results-export.js";

/**
 * `GET /exports/results?since=…&after=…&limit=…&format=csv|json` (docs/credit.md): published results
 * for the provincial credit platform, for auditors and the county coordinator only. The format comes
 * from `?format=` or else the Accept header (text/csv → CSV, otherwise JSON); the next page's cursor
 * is `next` in JSON and the `X-Next-After` header (and a `Link: rel="next"`) in both.
 */
export function mountResultsExportRoute(app: Express, orm: MikroORM): void {
  app.get("/exports/results", async (req, res) => {
    try {
      const identity = res.locals.identity as Identity;
      if (identity.role !== Role.AUDITOR && identity.role !== Role.COUNTY_COORDINATOR) throw forbidden(identity, "导出抽查结果");
      const format = req.query.format ?? (req.accepts(["application/json", "text/csv"]) === "text/csv" ? "csv" : "json");
      if (format !== "csv" && format !== "json")
        throw new AppError(ErrorCode.BAD_USER_INPUT, "format 应为 csv 或 json", { field: "format" });
      const limit = req.query.limit === undefined ? 500 : pageSize(Number(req.query.limit));
      if (limit > EXPORT_MAX_PAGE) throw new AppError(ErrorCode.BAD_USER_INPUT, `每页最多 ${EXPORT_MAX_PAGE} 份报告`, { field: "limit" });
      const { rows, next } = await exportResults(orm.em.fork(), {
        since: parseSince(req.query.since),
        after: typeof req.query.after === "string" && req.query.after ? req.query.after : null,
        limit,
      });
      if (next) {
        const url = new URLSearchParams({ ...(req.query as Record<string, string>), after: next });
        res.setHeader("x-next-after", next);
        res.setHeader("link", `</exports/results?${url}>; rel="next"`);
      }
      if (format === "json") return res.json({ columns: EXPORT_COLUMNS, rows, next });
      res.type("text/csv; charset=utf-8");
      res.setHeader("content-disposition", 'attachment; filename="results.csv"');
      res.send(stringify(rows, { header: true, columns: [...EXPORT_COLUMNS], cast: { boolean: (b) => (b ? "true" : "false") } }));
    } catch (e) {
      if (e instanceof AppError) sendErrorOf(res, e.extensions.code === ErrorCode.FORBIDDEN ? 403 : 400, e);
      else {
        console.error(e);
        sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "服务内部错误，请稍后重试");
      }
    }
  });
}
