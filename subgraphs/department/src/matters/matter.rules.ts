import { AppError, ErrorCode, requireText, toCategoryCodes } from "@ssj/shared";
import { MatterClass } from "./matter.entity.js";
import type { MatterInput } from "./matter.input.js";

/** The validated content of a matter version (everything but identity, status and dates). */
export interface MatterContent {
  name: string;
  subItem: string;
  legalBasis: string;
  implementingBody: string;
  objectType: string;
  content: string;
  matterClass: MatterClass;
  defaultRatio: number;
  yearlyFrequency: number;
  qualifications: string[];
  expertRequired: boolean;
  appliesTo: string[];
  reportDeadlineWorkingDays: number | null;
  categoryLabel: string | null;
}

/** The longest statutory report deadline we accept: longer than the 20-working-day publication limit makes no sense. */
export const MAX_REPORT_DEADLINE_WORKING_DAYS = 60;

/** A matter's own report deadline (working days): absent, or a whole number from 1 to 60. */
export function validateReportDeadline(days: number | null | undefined): number | null {
  if (days == null) return null;
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DEADLINE_WORKING_DAYS) {
    throw new AppError(
      ErrorCode.INVALID_REPORT_DEADLINE,
      `法定报告期限应为 1 到 ${MAX_REPORT_DEADLINE_WORKING_DAYS} 之间的整数（工作日），收到 ${days}`,
      { field: "reportDeadlineWorkingDays" },
    );
  }
  return days;
}

export const MATTER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function validateMatterCode(code: string): string {
  const v = requireText(code, "code", "事项编码", 64);
  if (!MATTER_CODE_PATTERN.test(v)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "事项编码只能包含字母、数字、点、下划线和连字符", { field: "code" });
  }
  return v;
}

export function validateRatio(ratio: number, field = "defaultRatio"): number {
  if (typeof ratio !== "number" || !Number.isFinite(ratio) || ratio <= 0 || ratio > 1) {
    throw new AppError(ErrorCode.INVALID_RATIO, `抽查比例应大于 0 且不超过 1（100%），收到 ${ratio}`, { field });
  }
  return ratio;
}

function validateList(values: string[], field: string, label: string, allowEmpty: boolean): string[] {
  const list = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  if (!allowEmpty && list.length === 0) throw new AppError(ErrorCode.REQUIRED_FIELD, `${label}至少填写一项`, { field });
  return list;
}

/** The department's own wording of the category, kept beside the shared codes (optional, ≤ 200 characters). */
function validateLabel(value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  if (v.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, "本部门类别名称过长（最多 200 个字符）", { field: "categoryLabel" });
  return v || null;
}

export function validateMatterContent(input: Omit<MatterInput, "code" | "effectiveFrom">): MatterContent {
  if (!Object.values(MatterClass).includes(input.matterClass)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "事项类别应为 KEY（重点）或 GENERAL（一般）", { field: "matterClass" });
  }
  if (!Number.isInteger(input.yearlyFrequency) || input.yearlyFrequency < 1 || input.yearlyFrequency > 52) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "年度抽查频次应为 1 到 52 之间的整数", { field: "yearlyFrequency" });
  }
  return {
    name: requireText(input.name, "name", "事项名称", 200),
    subItem: requireText(input.subItem, "subItem", "抽查子项", 200),
    legalBasis: requireText(input.legalBasis, "legalBasis", "抽查依据", 2000),
    implementingBody: requireText(input.implementingBody, "implementingBody", "抽查主体", 200),
    objectType: requireText(input.objectType, "objectType", "抽查对象", 200),
    content: requireText(input.content, "content", "抽查内容及要求", 5000),
    matterClass: input.matterClass,
    defaultRatio: validateRatio(input.defaultRatio),
    yearlyFrequency: input.yearlyFrequency,
    qualifications: toCategoryCodes(input.qualifications ?? [], "qualifications"),
    expertRequired: Boolean(input.expertRequired),
    appliesTo: validateList(input.appliesTo ?? [], "appliesTo", "适用的监管类型", false),
    reportDeadlineWorkingDays: validateReportDeadline(input.reportDeadlineWorkingDays),
    categoryLabel: validateLabel(input.categoryLabel),
  };
}
