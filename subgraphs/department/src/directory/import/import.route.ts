import type { MikroORM } from "@mikro-orm/core";
import { actorOf, AppError, assertCanWriteBooks, ErrorCode, type Identity } from "@ssj/shared";
import type { Express, Request, Response } from "express";
import type { DepartmentIdentity } from "../../context.js";
import { logRefusedImport } from "./import-audit.js";
import { importSubjectsOnce } from "./import-once.js";
import { importFlags } from "./flags-import.service.js";
import { CsvEncoding, ImportMode } from "./import.types.js";

function pick<T extends string>(value: unknown, allowed: Record<string, T>, fallback: T, field: string): T {
  if (value === undefined || value === "") return fallback;
  const v = String(value).toUpperCase().replace(/-/g, ""); // "UTF-8" as the template route spells it
  if (!(v in allowed))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `参数 ${field} 的取值「${value}」无效，可选：${Object.keys(allowed).join("、")}`, {
      field,
    });
  return allowed[v]!;
}

/**
 * `POST /import/subjects?department=…&mode=ALL_OR_NOTHING|GOOD_ROWS&encoding=AUTO|UTF8|GBK[&idempotencyKey=…]` with the
 * CSV file as the raw body. The body is streamed into the importer, so a 200,000-row file never sits
 * in memory; the answer is the same ImportReport the GraphQL mutation returns.
 */
export function mountImportRoute(app: Express, department: DepartmentIdentity, orm: MikroORM): void {
  app.post("/import/subjects", async (req: Request, res: Response) => {
    const { status, body } = await answer(req, res, "subjects");
    await drain(req);
    res.status(status).json(body);
  });
  // `POST /import/flags?department=…&mode=…&encoding=…`: the credit platform's flags (docs/credit.md), same rules
  app.post("/import/flags", async (req: Request, res: Response) => {
    const { status, body } = await answer(req, res, "flags");
    await drain(req);
    res.status(status).json(body);
  });

  async function answer(req: Request, res: Response, kind: "subjects" | "flags"): Promise<{ status: number; body: unknown }> {
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
      const key = req.header("idempotency-key") ?? (typeof req.query.idempotencyKey === "string" ? req.query.idempotencyKey : null);
      // The importer may stop reading early (a bad header, an unclosed quote): it must not destroy
      // the request, or the connection is reset under the gateway's upload (see drain below).
      const source = req.iterator({ destroyOnReturn: false });
      const report =
        kind === "flags"
          ? await importFlags(orm.em.fork(), source, { mode, encoding }, actor)
          : await importSubjectsOnce(orm.em.fork(), key, source, { mode, encoding }, actor);
      return { status: 200, body: { data: report } };
    } catch (e) {
      await logRefusedImport(
        orm,
        req,
        res.locals.identity as Identity | undefined,
        e instanceof AppError ? e.code : "INTERNAL_SERVER_ERROR",
      );
      if (e instanceof AppError) {
        return {
          status: e.code === ErrorCode.WRONG_DEPARTMENT || e.code === "FORBIDDEN" ? 403 : 400,
          body: { errors: [{ message: e.message, extensions: e.extensions }] },
        };
      }
      console.error(e);
      return { status: 500, body: { errors: [{ message: "服务内部错误，请稍后重试", extensions: { code: "INTERNAL_SERVER_ERROR" } }] } };
    }
  }
}

/**
 * Reads what is left of a refused upload before the answer goes out. Answering and closing while
 * the sender is still writing resets the connection, and the gateway's next upload on it failed
 * with 502; read to the end, the connection stays clean and the sender gets the answer.
 */
async function drain(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  try {
    for await (const chunk of req) void chunk;
  } catch {
    // the sender went away: nothing left to answer
  }
}
