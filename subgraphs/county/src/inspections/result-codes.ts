import { registerEnumType } from "type-graphql";

/**
 * 抽查结果 — the national list of random-inspection result categories (国家市场监督管理总局《随机抽查
 * 检查结果分类》as used on 国家企业信用信息公示系统). One table: the English name the API uses, the
 * two-digit code the results export and the public site show, and the Chinese label. Add a row here and
 * the enum, the labels and the public view follow.
 */
export const RESULT_CODES = [
  { name: "NO_PROBLEM", code: "01", label: "未发现问题" },
  { name: "INFORMATION_NOT_DISCLOSED", code: "02", label: "未按规定公示应当公示的信息" },
  { name: "DISCLOSURE_FALSIFIED", code: "03", label: "公示信息隐瞒真实情况弄虚作假" },
  { name: "UNREACHABLE", code: "04", label: "通过登记的住所（经营场所）无法联系" },
  { name: "REFUSED_SERIOUS", code: "05", label: "不配合检查情节严重" },
  { name: "ACTIVITY_NOT_FOUND", code: "06", label: "未发现开展本次抽查涉及的经营活动" },
  { name: "CORRECTED_ON_ORDER", code: "07", label: "发现问题已责令改正" },
  { name: "PENDING_FOLLOW_UP", code: "08", label: "发现问题待后续处理" },
  { name: "CLOSED_OR_LIQUIDATING", code: "09", label: "已关闭停业或正在组织清算" },
  { name: "DEREGISTERED", code: "10", label: "已注销" },
  { name: "OTHER", code: "99", label: "其他" },
] as const;

export type ResultCodeName = (typeof RESULT_CODES)[number]["name"];

/** The GraphQL enum `InspectionResult`, built from the table. */
export const InspectionResult = Object.fromEntries(RESULT_CODES.map((r) => [r.name, r.name])) as { [K in ResultCodeName]: K };
export type InspectionResult = ResultCodeName;

registerEnumType(InspectionResult, {
  name: "InspectionResult",
  description: "抽查结果分类 / national random-inspection result category",
  valuesConfig: Object.fromEntries(RESULT_CODES.map((r) => [r.name, { description: `${r.code} ${r.label}` }])),
});

const byName = new Map<string, (typeof RESULT_CODES)[number]>(RESULT_CODES.map((r) => [r.name, r]));

export const resultLabel = (name: string) => byName.get(name)?.label ?? name;
export const resultCode = (name: string) => byName.get(name)?.code ?? "99";
/** Whether a result means something was found that needs handling (what issue #12's handling decisions hang on). */
export const isProblem = (name: string) =>
  ["DISCLOSURE_FALSIFIED", "INFORMATION_NOT_DISCLOSED", "CORRECTED_ON_ORDER", "PENDING_FOLLOW_UP", "REFUSED_SERIOUS", "OTHER"].includes(
    name,
  );
