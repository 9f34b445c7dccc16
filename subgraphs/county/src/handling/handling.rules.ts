import { AppError, ErrorCode, requireText } from "@ssj/shared";
import { HandlingKind } from "./handling-kind.js";

/** What a client sends for a handling decision; each kind needs its own fields (docs/handling.md). */
export interface HandlingFields {
  kind: HandlingKind;
  orderedAction?: string | null;
  rectificationDeadline?: string | null;
  caseNumber?: string | null;
  caseDate?: string | null;
  referredTo?: string | null;
  receivingOrgan?: string | null;
  transferDate?: string | null;
  documentNumber?: string | null;
  note?: string | null;
}

/** The columns a valid decision stores. */
export interface HandlingColumns {
  kind: HandlingKind;
  orderedAction: string | null;
  rectificationDeadline: string | null;
  caseNumber: string | null;
  decisionDate: string | null;
  referredTo: string | null;
  receivingOrgan: string | null;
  documentNumber: string | null;
  note: string | null;
}

/** A real calendar date written YYYY-MM-DD. */
export function requireDate(value: string | null | undefined, field: string, label: string): string {
  const v = requireText(value, field, label, 10);
  const d = new Date(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
    throw new AppError(ErrorCode.INVALID_DATE_FORMAT, `${label}应为 YYYY-MM-DD 格式的有效日期（收到「${v}」）`, { field, value: v });
  return v;
}

/**
 * Pure check of one decision's fields: each kind has the facts the regulation asks it to record (the
 * judicial transfer its receiving organ, date and document number), and nothing of another kind.
 */
export function handlingColumns(input: HandlingFields): HandlingColumns {
  const note = input.note?.trim() ? requireText(input.note, "note", "说明", 2000) : null;
  const none = { orderedAction: null, rectificationDeadline: null, caseNumber: null, decisionDate: null, referredTo: null };
  const base = { ...none, receivingOrgan: null, documentNumber: null, note, kind: input.kind };
  switch (input.kind) {
    case HandlingKind.ON_SITE:
      return {
        ...base,
        orderedAction: requireText(input.orderedAction, "orderedAction", "责令改正的内容", 2000),
        rectificationDeadline: requireDate(input.rectificationDeadline, "rectificationDeadline", "整改期限"),
      };
    case HandlingKind.CASE:
      return {
        ...base,
        caseNumber: requireText(input.caseNumber, "caseNumber", "立案编号", 100),
        decisionDate: requireDate(input.caseDate, "caseDate", "立案日期"),
      };
    case HandlingKind.REFERRAL:
      return {
        ...base,
        referredTo: requireText(input.referredTo, "referredTo", "接收移送的部门", 64),
        note: requireText(input.note, "note", "移送理由", 2000),
      };
    case HandlingKind.JUDICIAL:
      return {
        ...base,
        receivingOrgan: requireText(input.receivingOrgan, "receivingOrgan", "接收移送的司法机关", 200),
        decisionDate: requireDate(input.transferDate, "transferDate", "移送日期"),
        documentNumber: requireText(input.documentNumber, "documentNumber", "移送文书编号", 100),
      };
    default:
      throw new AppError(ErrorCode.BAD_USER_INPUT, "处置方式无效", { field: "kind" });
  }
}
