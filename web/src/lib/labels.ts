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
