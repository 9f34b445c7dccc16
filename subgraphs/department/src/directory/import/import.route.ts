import type { MikroORM } from "@mikro-orm/core";
import { actorOf, AppError, assertCanWriteBooks, ErrorCode, type Identity, sendError } from "@ssj/shared";
import type { Express, Request, Response } from "express";
import type { DepartmentIdentity } from "../../context.js";
import { importSubjects } from "./import.service.js";
import { CsvEncoding, ImportMode } from "./import.types.js";

function pick<T extends string>(value: unknown, allowed: Record<string, T>, fallback: T, field: string): T {
  if (value === undefined || value === "") return fallback;
  const v = String(value).toUpperCase();
  if (!(v in allowed))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `参数 ${field} 的取值「${value}」无效，可选：${Object.keys(allowed).join("、")}`, {
      field,
    });
  return allowed[v]!;
}

/**
 * `POST /import/subjects?department=…&mode=ALL_OR_NOTHING|GOOD_ROWS&encoding=AUTO|UTF8|GBK` with the
 * CSV file as the raw body. The body is streamed into the importer, so a 200,000-row file never sits
 * in memory; the answer is the same ImportReport the GraphQL mutation returns.
 */
export function mountImportRoute(app: Express, department: DepartmentIdentity, orm: MikroORM): void {
  app.post("/import/subjects", async (req: Request, res: Response) => {
    try {
      if (req.query.department !== department.code) {
        throw new AppError(
          ErrorCode.WRONG_DEPARTMENT,
          `本服务只管理「${department.name}」的名录，不能导入部门「${String(req.query.department ?? "")}」的数据`,
          {
            department: req.query.department,
          },
        );
      }
      const mode = pick(req.query.mode, ImportMode, ImportMode.ALL_OR_NOTHING, "mode");
      const encoding = pick(req.query.encoding, CsvEncoding, CsvEncoding.AUTO, "encoding");
      const identity = res.locals.identity as Identity;
      assertCanWriteBooks(identity, department.code);
      const actor = actorOf(identity);
      const report = await importSubjects(orm.em.fork(), req, { mode, encoding }, actor);
      res.json({ data: report });
    } catch (e) {
      if (e instanceof AppError) {
        res
          .status(e.code === ErrorCode.WRONG_DEPARTMENT || e.code === "FORBIDDEN" ? 403 : 400)
          .json({ errors: [{ message: e.message, extensions: e.extensions }] });
      } else {
        console.error(e);
        sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "服务内部错误，请稍后重试");
      }
    }
  });
}
