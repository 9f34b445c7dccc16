import type { MikroORM } from "@mikro-orm/core";
import { AppError, type Identity, sendError, sendErrorOf, ErrorCode } from "@ssj/shared";
import { assertAuditorView } from "../access.js";
import type { Express } from "express";
import { publicDrawFile } from "./public-record.js";

/**
 * `GET /draws/:id/record.json`: the public draw record as a file, for the verify command
 * (`npm run verify-draw -- record.json`). `?pools=all` adds the inspector and expert pools (auditors).
 */
export function mountRecordRoute(app: Express, orm: MikroORM): void {
  app.get("/draws/:id/record.json", async (req, res) => {
    try {
      const id = Number(req.params.id);
      const withPeople = req.query.pools === "all";
      if (withPeople) assertAuditorView(res.locals.identity as Identity, "下载冻结的人员名录");
      const file = await publicDrawFile(orm.em.fork(), Number.isSafeInteger(id) ? id : -1, { withPeople });
      res.setHeader("content-disposition", `attachment; filename="draw-${id}-record.json"`);
      res.json(file);
    } catch (e) {
      if (e instanceof AppError) sendErrorOf(res, e.code === ErrorCode.FORBIDDEN ? 403 : 404, e);
      else {
        console.error(e);
        sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "服务内部错误，请稍后重试");
      }
    }
  });
}
