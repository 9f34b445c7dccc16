import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { VisitOutcome } from "./visit-outcome.js";

/**
 * 现场检查记录: what happened at the door — who was really there, that certificates were shown and
 * which notice was served. Kept beside the visit (one row per started visit) so the draw's `visit`
 * table stays what the draw wrote.
 */
@ObjectType("OnSiteRecord", { description: "现场检查记录 / the on-site record of a visit" })
@Entity({ tableName: "visit_on_site" })
export class OnSiteRecord {
  [OptionalProps]?:
    | "startedAt"
    | "startedBy"
    | "present"
    | "certificatesShown"
    | "noticeNumber"
    | "endedAt"
    | "endedBy"
    | "outcome"
    | "outcomeNote"
    | "endDate"
    | "cancelRequestedBy"
    | "cancelReason"
    | "cancelApprovedBy";

  @PrimaryKey({ type: "integer", autoincrement: false })
  visitId!: number;

  @Field(() => Date, { nullable: true, description: "开始时间 / when the inspection started" })
  @Property({ type: "datetime", nullable: true })
  startedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "开始检查的操作人（代为操作时为部门管理员）/ who started it" })
  @Property({ type: "string", length: 100, nullable: true })
  startedBy: string | null = null;

  @Field(() => [String], { description: "实际在场的执法人员（部门:编号）/ inspectors present, department:id" })
  @Property({ type: "json" })
  present: string[] = [];

  @Field(() => Boolean, { description: "是否出示执法证件 / certificates shown" })
  @Property({ type: "boolean" })
  certificatesShown: boolean = false;

  @Field(() => String, { nullable: true, description: "检查通知书编号 / number of the notice served" })
  @Property({ type: "string", length: 100, nullable: true })
  noticeNumber: string | null = null;

  @Field(() => Date, { nullable: true, description: "结束时间 / when it ended" })
  @Property({ type: "datetime", nullable: true })
  endedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "结束检查的操作人 / who ended it" })
  @Property({ type: "string", length: 100, nullable: true })
  endedBy: string | null = null;

  @Field(() => VisitOutcome, { nullable: true, description: "现场结果 / outcome" })
  @Property({ type: "string", length: 16, nullable: true })
  outcome: VisitOutcome | null = null;

  @Field(() => String, { nullable: true, description: "无法联系或不配合的情况说明 / what happened, for UNREACHABLE/REFUSED" })
  @Property({ type: "text", nullable: true })
  outcomeNote: string | null = null;

  /** The China calendar date the inspection ended: what report due dates count from. */
  @Field(() => String, { nullable: true, description: "检查结束日期（北京时间）/ end date, China time" })
  @Property({ type: "string", length: 10, nullable: true })
  endDate: string | null = null;

  @Property({ type: "string", length: 100, nullable: true })
  cancelRequestedBy: string | null = null;

  @Field(() => String, { nullable: true, description: "取消原因 / why it is (to be) cancelled" })
  @Property({ type: "text", nullable: true })
  cancelReason: string | null = null;

  @Field(() => String, { nullable: true, description: "批准取消的人（须为另一人）/ who approved the cancellation" })
  @Property({ type: "string", length: 100, nullable: true })
  cancelApprovedBy: string | null = null;
}
