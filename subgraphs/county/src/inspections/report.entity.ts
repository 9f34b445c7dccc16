import { Entity, OptionalProps, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { ReportStatus } from "./visit-outcome.js";

/**
 * 抽查报告 of one department's team on one visit ("谁抽查、谁反馈、谁公开"): the six items the
 * regulation lists, its due dates, review and publication. Drafted from the findings when the visit
 * ends; the department's inspectors edit it until it is submitted.
 */
@ObjectType("InspectionReport", { description: "部门抽查报告 / one department's report on a visit" })
@Entity({ tableName: "inspection_report" })
@Unique({ properties: ["visitId", "department"] })
export class InspectionReport {
  [OptionalProps]?:
    | "status"
    | "dueProvisional"
    | "submittedBy"
    | "submittedAt"
    | "reviewedBy"
    | "reviewedAt"
    | "returnReason"
    | "publishedBy"
    | "publishedAt"
    | "publishedLate"
    | "feedbackAt"
    | "feedbackMethod";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  visitId!: number;

  @Field(() => String, { description: "部门编码 / department" })
  @Index()
  @Property({ type: "string", length: 64 })
  department!: string;

  @Field(() => ReportStatus, { description: "状态 / state" })
  @Property({ type: "string", length: 16 })
  status: ReportStatus = ReportStatus.DRAFT;

  @Field(() => String, { description: "（一）检查时间 / inspection time" })
  @Property({ type: "text" })
  inspectionTime!: string;

  @Field(() => String, { description: "（二）检查内容（本部门事项）/ content: the department's matters" })
  @Property({ type: "text" })
  content!: string;

  @Field(() => String, { description: "（三）检查步骤与方式 / steps taken" })
  @Property({ type: "text" })
  steps!: string;

  @Field(() => String, { description: "（四）检查结果 / findings" })
  @Property({ type: "text" })
  findings!: string;

  @Field(() => String, { description: "（五）对被检查对象的评价 / evaluation of the subject" })
  @Property({ type: "text" })
  evaluation!: string;

  @Field(() => String, { description: "（六）处理意见和建议 / handling opinions and suggestions" })
  @Property({ type: "text" })
  handling!: string;

  @Field(() => String, { description: "报告截止日期 / report due date (YYYY-MM-DD)" })
  @Property({ type: "string", length: 10 })
  dueDate!: string;

  @Field(() => String, { description: "公示截止日期（检查结束后 20 个工作日）/ publication due date" })
  @Property({ type: "string", length: 10 })
  publishDueDate!: string;

  @Field(() => Boolean, { description: "截止日期是否为暂定（所在年份尚无节假日安排）/ due dates provisional: a year with no schedule" })
  @Property({ type: "boolean" })
  dueProvisional: boolean = false;

  @Field(() => String, { nullable: true, description: "提交人（报告作者）/ submitted by, the author" })
  @Property({ type: "string", length: 100, nullable: true })
  submittedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  submittedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "审定人 / reviewed by" })
  @Property({ type: "string", length: 100, nullable: true })
  reviewedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  reviewedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "最近一次退回的理由 / reason of the last return" })
  @Property({ type: "text", nullable: true })
  returnReason: string | null = null;

  @Field(() => String, { nullable: true, description: "公示人 / published by" })
  @Property({ type: "string", length: 100, nullable: true })
  publishedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  publishedAt: Date | null = null;

  @Field(() => Boolean, { description: "超过 20 个工作日才公示 / published after the 20-working-day limit" })
  @Property({ type: "boolean" })
  publishedLate: boolean = false;

  @Field(() => Date, { nullable: true, description: "向被检查对象反馈的时间 / when the result was delivered to the subject" })
  @Property({ type: "datetime", nullable: true })
  feedbackAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "反馈方式（当面送达、邮寄、电子送达…）/ how it was delivered" })
  @Property({ type: "string", length: 200, nullable: true })
  feedbackMethod: string | null = null;
}
