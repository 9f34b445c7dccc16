import { registerEnumType } from "type-graphql";

/** How the on-site part ended: inspected, or one of the two outcomes that give every matter a result. */
export enum VisitOutcome {
  COMPLETED = "COMPLETED",
  UNREACHABLE = "UNREACHABLE",
  REFUSED = "REFUSED",
}
registerEnumType(VisitOutcome, {
  name: "VisitOutcome",
  description: "现场结果：完成检查、无法联系（通过登记的住所无法联系）、不配合检查 / how the on-site part ended",
});

/** A department team's report, from draft to published. */
export enum ReportStatus {
  DRAFT = "DRAFT",
  REPORTED = "REPORTED",
  REVIEWED = "REVIEWED",
  PUBLISHED = "PUBLISHED",
}
registerEnumType(ReportStatus, {
  name: "ReportStatus",
  description: "报告状态：草稿、已提交、已审定、已公示 / a report's state",
});
