import type { MikroORM } from "@mikro-orm/core";
import { AppError, ErrorCode, forbidden, Role, sendErrorOf, type Identity } from "@ssj/shared";
import express, { type Express } from "express";
import type { DepartmentIdentity } from "../context.js";
import { RecordChangeAction, RiskClassEnum } from "./enums.js";
import { SupervisionRecordChange } from "./record-change.entity.js";
import { snapshotOf } from "./record.service.js";
import { SupervisionRecord } from "./supervision-record.entity.js";

interface Change {
  proposalId: number;
  uscc: string;
  direction: "UP" | "DOWN";
  reason: string;
}

const CLASSES = [RiskClassEnum.A, RiskClassEnum.B, RiskClassEnum.C, RiskClassEnum.D];

/** The mark that makes a proposal's change idempotent: applied once, whatever the retries. */
const markOf = (proposalId: number) => `[风险分类建议 #${proposalId}]`;

/**
 * POST /risk-classes: the county applies risk-class proposals its department admin approved
 * (docs/credit.md). Only the county's own service identity may call it; the body names the admin who
 * approved. One transaction: each record moves one class, with the proposal's reason in its history.
 * A proposal already applied here answers what it did then and changes nothing (the county may retry).
 */
export function mountRiskClassRoute(app: Express, department: DepartmentIdentity, orm: MikroORM): void {
  app.post("/risk-classes", express.json({ limit: "2mb" }), async (req, res) => {
    const identity = res.locals.identity as Identity;
    if (identity.role !== Role.SERVICE) return sendErrorOf(res, 403, forbidden(identity, "调整风险分类"));
    const body = req.body as { department?: string; approvedBy?: string; changes?: Change[] };
    if (body.department !== department.code)
      return sendErrorOf(res, 403, new AppError(ErrorCode.WRONG_DEPARTMENT, `本服务只管理「${department.name}」的名录`));
    if (!Array.isArray(body.changes) || typeof body.approvedBy !== "string")
      return sendErrorOf(res, 400, new AppError(ErrorCode.BAD_USER_INPUT, "请求格式不正确"));
    try {
      const results = await orm.em.fork().transactional(async (tx) => {
        const out: { proposalId: number; fromClass: string; toClass: string }[] = [];
        for (const c of body.changes!) {
          const record = await tx.findOne(SupervisionRecord, { uscc: c.uscc });
          if (!record || record.removedAt)
            throw new AppError(ErrorCode.NOT_FOUND, `本部门名录中没有统一社会信用代码为 ${c.uscc} 的市场主体，建议未采纳`, {
              uscc: c.uscc,
            });
          const mark = markOf(c.proposalId);
          const done = await tx.findOne(
            SupervisionRecordChange,
            { recordId: record.id, action: RecordChangeAction.RISK_CLASS, reason: { $like: `${mark}%` } },
            { orderBy: { id: "asc" } },
          );
          if (done) {
            const before = JSON.parse(done.snapshot) as { riskClass: string };
            out.push({
              proposalId: c.proposalId,
              fromClass: /从 (\w) /.exec(done.reason ?? "")?.[1] ?? before.riskClass,
              toClass: before.riskClass,
            });
            continue;
          }
          const from = record.riskClass;
          const i = CLASSES.indexOf(from) + (c.direction === "UP" ? 1 : -1);
          const to = CLASSES[Math.max(0, Math.min(CLASSES.length - 1, i))]!;
          record.riskClass = to;
          record.updatedAt = new Date();
          tx.create(SupervisionRecordChange, {
            recordId: record.id,
            action: RecordChangeAction.RISK_CLASS,
            snapshot: snapshotOf(record),
            actor: body.approvedBy!,
            reason: `${mark} 从 ${from} 调整为 ${to}：${c.reason}`,
            at: new Date(),
          });
          out.push({ proposalId: c.proposalId, fromClass: from, toClass: to });
        }
        return out;
      });
      res.json({ results });
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "调整风险分类失败");
      sendErrorOf(res, err.extensions.code === ErrorCode.NOT_FOUND ? 404 : 500, err);
    }
  });
}
