import type { MikroORM } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import {
  AppError,
  CANDIDATE_TSV_TYPE,
  ErrorCode,
  forbidden,
  NDJSON_TYPE,
  isSqlite,
  Role,
  type Identity,
  type PersonLine,
  sendErrorOf,
} from "@ssj/shared";
import type { Express, Request, Response } from "express";
import type { DepartmentIdentity } from "../context.js";
import { Expert } from "../inspectors/expert.entity.js";
import { Inspector, InspectorConflict, InspectorStatus } from "../inspectors/inspector.entity.js";
import { copyCandidateTsv } from "./candidate-copy.js";
import { candidateRowJson, candidateRowsPage, candidateTsvPage, candidateWhere, PAGE, type PoolPage } from "./candidate-pages.js";

function list(q: unknown): string[] {
  return typeof q === "string" && q
    ? q
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/**
 * The pools a draw freezes, streamed as NDJSON (one JSON object per line) so the county can gather a
 * directory of a million subjects in a handful of SQL pages and one HTTP response, instead of one
 * request per subject:
 *   GET /pool/candidates?department=…&regions=a,b&categories=…&supervisionTypes=…
 *       (TAB-separated lines instead when asked with `Accept: text/tab-separated-values`, see
 *       packages/shared/src/pool-tsv.ts; NDJSON stays the default, for auditors' tools and older counties)
 *   GET /pool/inspectors?department=…   (ACTIVE inspectors with their declared conflicts)
 *   GET /pool/experts?department=…      (available experts)
 */
export function mountPoolRoutes(app: Express, department: DepartmentIdentity, orm: MikroORM): void {
  // Pools go to the county service (freezing a draw) and to auditors, nobody else.
  const guard = (req: Request, res: Response): boolean => {
    const identity = res.locals.identity as Identity;
    const e =
      req.query.department !== department.code
        ? new AppError(ErrorCode.WRONG_DEPARTMENT, `本服务只提供「${department.name}」的名录`, { department: req.query.department })
        : identity.role !== Role.SERVICE && identity.role !== Role.AUDITOR
          ? forbidden(identity, "读取冻结用名录")
          : null;
    if (!e) return true;
    sendErrorOf(res, 403, e);
    return false;
  };
  const stream = async (res: Response, page: (afterId: number) => Promise<PoolPage>, type: string = NDJSON_TYPE) => {
    res.type(type);
    // Headers now: the county's call deadline covers the answer's start, and the first page of a large
    // directory may take longer than that on a loaded machine; the stream's idle limit covers the rest.
    res.flushHeaders();
    let after = 0;
    for (;;) {
      const { count, last, chunk } = await page(after);
      if (!count) break;
      const ok = res.write(chunk);
      after = last;
      if (!ok) await new Promise((r) => res.once("drain", r));
      if (count < PAGE) break;
    }
    res.end();
  };
  /** A page of objects written one JSON line each. */
  const jsonPage = <T>(rows: T[], id: (row: T) => number, line: (row: T) => unknown): PoolPage => ({
    count: rows.length,
    last: rows.length ? id(rows.at(-1)!) : 0,
    chunk: rows.map((r) => JSON.stringify(line(r)) + "\n").join(""),
  });
  const em = () => orm.em.fork() as unknown as SqlEntityManager;
  const fail = (res: Response, e: unknown) => {
    if (res.headersSent) return res.destroy(e as Error);
    const err = e instanceof AppError ? e : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "服务内部错误，请稍后重试");
    if (!(e instanceof AppError)) console.error(e);
    sendErrorOf(res, e instanceof AppError ? 400 : 500, err);
  };

  app.get("/pool/candidates", async (req, res) => {
    if (!guard(req, res)) return;
    try {
      const where = candidateWhere({
        regions: list(req.query.regions),
        categories: list(req.query.categories),
        supervisionTypes: list(req.query.supervisionTypes),
      });
      const tsv = req.accepts([NDJSON_TYPE, CANDIDATE_TSV_TYPE]) === CANDIDATE_TSV_TYPE;
      res.vary("Accept");
      const sqlite = isSqlite(orm.em);
      if (tsv && !sqlite) {
        // TSV on PostgreSQL: the whole pool by one COPY, its text written by PostgreSQL (see candidate-copy.ts)
        res.type(CANDIDATE_TSV_TYPE);
        res.flushHeaders();
        await copyCandidateTsv(em(), where, res);
        return;
      }
      await stream(
        res,
        // TSV on SQLite: each page's text is built by the statement that reads it (see candidateTsvPage): serving a
        // 200,000-row pool took the department ≈ 0.6 s of CPU instead of ≈ 1.1 s.
        tsv ? (after) => candidateTsvPage(em(), where, after) : (after) => candidateRowsPage(em(), where, after, candidateRowJson),
        tsv ? CANDIDATE_TSV_TYPE : NDJSON_TYPE,
      );
    } catch (e) {
      fail(res, e);
    }
  });

  app.get("/pool/inspectors", async (req, res) => {
    if (!guard(req, res)) return;
    try {
      await stream(res, async (after) => {
        const rows = await em().find(
          Inspector,
          { status: InspectorStatus.ACTIVE, id: { $gt: after } },
          { orderBy: { id: "asc" }, limit: PAGE, disableIdentityMap: true },
        );
        const conflicts = rows.length
          ? await em().find(
              InspectorConflict,
              { inspectorId: { $in: rows.map((r) => r.id) }, withdrawnAt: null },
              { disableIdentityMap: true },
            )
          : [];
        return jsonPage(
          rows,
          (i) => i.id,
          (i) =>
            ({
              id: i.id,
              name: i.name,
              categories: i.categories,
              region: i.region,
              status: i.status,
              conflicts: conflicts.filter((c) => c.inspectorId === i.id).map((c) => c.uscc),
            }) satisfies PersonLine,
        );
      });
    } catch (e) {
      fail(res, e);
    }
  });

  app.get("/pool/experts", async (req, res) => {
    if (!guard(req, res)) return;
    try {
      await stream(res, async (after) => {
        const rows = await em().find(
          Expert,
          { active: true, id: { $gt: after } },
          { orderBy: { id: "asc" }, limit: PAGE, disableIdentityMap: true },
        );
        return jsonPage(
          rows,
          (x) => x.id,
          (x) => ({ id: x.id, name: x.name, categories: x.expertise, region: x.region }) satisfies PersonLine,
        );
      });
    } catch (e) {
      fail(res, e);
    }
  });
}
