/** Chinese labels of the API's enums (the glossary, docs/architecture.md). */
export const DRAW_STATUS: Record<string, string> = {
  CREATED: "已创建",
  FROZEN: "名录已冻结",
  SEEDED: "种子已生成",
  DRAWN: "已摇号",
  PUBLISHED: "已公布",
  SUPERSEDED: "已作废（重抽）",
};
export const STRATUM: Record<string, string> = { FLAGGED: "重点关注", A: "A 类", B: "B 类", C: "C 类", D: "D 类" };
export const MATTER_CLASS: Record<string, string> = { KEY: "重点", GENERAL: "一般" };
export const INSPECTOR_STATUS: Record<string, string> = { ACTIVE: "在岗", SUSPENDED: "暂停", TRANSFERRED: "调离" };
export const percent = (r: number | null | undefined) => (r == null ? "—" : `${+(r * 100).toFixed(2)}%`);
/** The national result table (docs/inspection.md, "Findings"): code and label per InspectionResult. */
export const INSPECTION_RESULT: Record<string, string> = {
  NO_PROBLEM: "01 未发现问题",
  INFORMATION_NOT_DISCLOSED: "02 未按规定公示应当公示的信息",
  DISCLOSURE_FALSIFIED: "03 公示信息隐瞒真实情况弄虚作假",
  UNREACHABLE: "04 通过登记的住所（经营场所）无法联系",
  REFUSED_SERIOUS: "05 不配合检查情节严重",
  ACTIVITY_NOT_FOUND: "06 未发现开展本次抽查涉及的经营活动",
  CORRECTED_ON_ORDER: "07 发现问题已责令改正",
  PENDING_FOLLOW_UP: "08 发现问题待后续处理",
  CLOSED_OR_LIQUIDATING: "09 已关闭停业或正在组织清算",
  DEREGISTERED: "10 已注销",
  OTHER: "99 其他",
};
export const VISIT_STATUS: Record<string, string> = {
  SCHEDULED: "待检查",
  IN_PROGRESS: "检查中",
  INSPECTED: "已检查",
  REPORTED: "已报告",
  REVIEWED: "已审定",
  PUBLISHED: "已公示",
  UNREACHABLE: "无法联系",
  REFUSED: "拒绝检查",
  CANCELLED: "已取消",
};
export const REPORT_STATUS: Record<string, string> = { DRAFT: "草稿", REPORTED: "已提交", REVIEWED: "已审定", PUBLISHED: "已公示" };
