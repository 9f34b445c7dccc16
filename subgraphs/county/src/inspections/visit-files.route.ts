import type { MikroORM } from "@mikro-orm/core";
import { actorOf, AppError, ErrorCode, forbidden, parseId, type Identity } from "@ssj/shared";
import type { Express, Request, Response } from "express";
import { VisitChangeKind } from "../events/draw-change.type.js";
import { VisitStatus } from "../visits/visit.entity.js";
import { Department } from "../departments/department.entity.js";
import { Evidence } from "./evidence.entity.js";
import { InspectionReport } from "./report.entity.js";
import { renderReportPdf } from "./report-pdf.js";
import { ReportStatus } from "./visit-outcome.js";
import { EvidenceStore, TooLarge } from "./evidence-store.js";
import { lowerUnits } from "../departments/lower-units.js";
import { assertVisitTeam, seesVisitBooks } from "./visit-access.js";
import { appendVisitStep, findVisit, invalidState } from "./visit-chain.js";

/** Evidence is added while the visit is under way or its reports are being written, never after cancellation. */
const OPEN = [VisitStatus.IN_PROGRESS, VisitStatus.INSPECTED, VisitStatus.UNREACHABLE, VisitStatus.REFUSED];
/** What evidence may be: photos, video, audio and scans (PDF). */
const ACCEPTED = /^(image|video|audio)\/|^application\/pdf$/;

function fail(res: Response, e: unknown) {
  if (e instanceof AppError) {
    const status =
      (
        {
          FORBIDDEN: 403,
          NOT_FOUND: 404,
          EVIDENCE_TOO_LARGE: 413,
          EVIDENCE_TYPE_MISMATCH: 415,
          EVIDENCE_TYPE_NOT_ACCEPTED: 415,
          REPORT_NOT_REVIEWED: 409,
        } as Partial<Record<string, number>>
      )[e.code] ?? 400;
    res.status(status).json({ errors: [{ message: e.message, extensions: e.extensions }] });
  } else {
    console.error(e);
    res.status(500).json({ errors: [{ message: "服务内部错误，请稍后重试", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  }
}

/**
 * `POST /visits/:id/evidence` (raw body, `Content-Type` = the file's type, optional `?name=`): streamed
 * into the content-addressed store, its digest entered in the visit's chain. The bytes decide the
 * type: a declared type they contradict is refused. `GET /visits/:id/evidence/:sha256` downloads it,
 * for whoever may see the visit's books.
 */
export function mountEvidenceRoutes(app: Express, orm: MikroORM, store: EvidenceStore): void {
  app.post("/visits/:id/evidence", async (req: Request, res: Response) => {
    const identity = res.locals.identity as Identity;
    try {
      const em = orm.em.fork();
      const visitId = parseId(String(req.params.id));
      const visit = await findVisit(em, visitId);
      assertVisitTeam(identity, visit, "上传本次检查的证据");
      if (!OPEN.includes(visit.status)) throw invalidState(visit, "只有检查中或已检查的检查可以上传证据");
      if (Number(req.headers["content-length"] ?? 0) > store.maxBytes) throw tooLarge(store.maxBytes);
      const declared = String(req.headers["content-type"] ?? "")
        .split(";")[0]!
        .trim()
        .toLowerCase();
      if (!ACCEPTED.test(declared))
        throw new AppError(
          ErrorCode.EVIDENCE_TYPE_NOT_ACCEPTED,
          `证据须为照片、视频、录音或 PDF 扫描件（声明的类型：${declared || "未声明"}）`,
          {
            declared,
          },
        );
      const file = await store.put(req).catch((e: unknown) => {
        throw e instanceof TooLarge ? tooLarge(store.maxBytes) : e;
      });
      if (file.sniffed !== declared) {
        await store.discard(file);
        throw new AppError(
          ErrorCode.EVIDENCE_TYPE_MISMATCH,
          `文件内容（${file.sniffed ?? "无法识别"}）与声明的类型 ${declared} 不符，未保存`,
          {
            declared,
            sniffed: file.sniffed,
          },
        );
      }
      await store.keep(file);
      const name = typeof req.query.name === "string" ? req.query.name.slice(0, 255) : null;
      const actor = actorOf(identity);
      const { evidence, created } = await em.transactional(async (tx) => {
        const v = await findVisit(tx, visitId);
        const existing = await tx.findOne(Evidence, { visitId, sha256: file.sha256 });
        if (existing) return { evidence: existing, created: false };
        const row = tx.create(Evidence, {
          visitId,
          sha256: file.sha256,
          size: file.size,
          mediaType: declared,
          fileName: name,
          uploadedBy: actor,
        });
        await appendVisitStep(tx, v, VisitChangeKind.EVIDENCE_ADDED, actor, { sha256: file.sha256, size: file.size, mediaType: declared });
        return { evidence: row, created: true };
      });
      res.status(created ? 201 : 200).json({
        data: { id: String(evidence.id), sha256: evidence.sha256, size: evidence.size, mediaType: evidence.mediaType, created },
      });
    } catch (e) {
      req.resume(); // drain what the client still sends, so it reads our answer
      fail(res, e);
    }
  });

  app.get("/visits/:id/evidence/:sha256", async (req: Request, res: Response) => {
    const identity = res.locals.identity as Identity;
    try {
      const em = orm.em.fork();
      const visit = await findVisit(em, parseId(String(req.params.id)));
      if (!seesVisitBooks(identity, visit, await lowerUnits(em, identity)))
        throw forbidden(identity, "下载本次检查的证据", { visitId: visit.id });
      const evidence = await em.findOne(Evidence, { visitId: visit.id, sha256: String(req.params.sha256) });
      if (!evidence) throw new AppError(ErrorCode.NOT_FOUND, "本次检查没有该证据", { sha256: req.params.sha256 });
      res.setHeader("content-type", evidence.mediaType);
      res.setHeader("content-length", String(evidence.size));
      store.read(evidence.sha256).pipe(res);
    } catch (e) {
      fail(res, e);
    }
  });
}

/**
 * `GET /visits/:id/report/:department.pdf`: the reviewed (or published) report, printable. The public
 * may fetch a published one; anything else needs the visit's books.
 */
export function mountReportPdfRoute(app: Express, orm: MikroORM): void {
  app.get("/visits/:id/report/:file", async (req: Request, res: Response) => {
    const identity = res.locals.identity as Identity;
    try {
      const em = orm.em.fork();
      const visit = await findVisit(em, parseId(String(req.params.id)));
      const department = String(req.params.file).replace(/\.pdf$/, "");
      const report = await em.findOne(InspectionReport, { visitId: visit.id, department });
      const published = report?.status === ReportStatus.PUBLISHED;
      if (!published && !seesVisitBooks(identity, visit, await lowerUnits(em, identity)))
        throw forbidden(identity, "查看未公示的抽查报告", { visitId: visit.id });
      if (!report) throw new AppError(ErrorCode.NOT_FOUND, `检查 ${visit.id} 没有部门「${department}」的报告`, { department });
      if (report.status !== ReportStatus.REVIEWED && !published)
        throw new AppError(ErrorCode.REPORT_NOT_REVIEWED, "报告审定后才能打印", { status: report.status });
      const registered = await em.findOne(Department, { code: department });
      const pdf = await renderReportPdf(visit, report, registered?.name ?? department);
      res.setHeader("content-type", "application/pdf");
      res.setHeader("content-disposition", `inline; filename="visit-${visit.id}-${department}.pdf"`);
      res.send(pdf);
    } catch (e) {
      fail(res, e);
    }
  });
}

const tooLarge = (max: number) =>
  new AppError(ErrorCode.EVIDENCE_TOO_LARGE, `证据文件超过大小限制（每个文件最多 ${Math.round(max / 1024 / 1024)} MB）`, { maxBytes: max });
