import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";

/** Why an inspection happened outside any draw. */
export enum UnplannedReason {
  COMPLAINT = "COMPLAINT",
  REFERRAL = "REFERRAL",
  TARGETED = "TARGETED",
  OTHER = "OTHER",
}
registerEnumType(UnplannedReason, {
  name: "UnplannedReason",
  description: "计划外检查的原因：投诉举报、转办交办（移送）、专项（定向）检查、其他 / why an inspection was not drawn",
  valuesConfig: {
    COMPLAINT: { description: "投诉举报（须填投诉举报编号）/ a complaint, with its number" },
    REFERRAL: { description: "上级交办、其他部门移送（须填移送或交办编号）/ a referral or assignment, with its number" },
    TARGETED: { description: "专项或定向检查 / a targeted check" },
    OTHER: { description: "其他 / other" },
  },
});

/** The reasons the law allows outside the random draw, when the complaint or referral number is given. */
export const LAWFUL_REASONS: UnplannedReason[] = [UnplannedReason.COMPLAINT, UnplannedReason.REFERRAL];

/**
 * 计划外检查: a visit no draw selected, recorded with its legal basis and reason. `flagged` (未列入抽查计划)
 * unless the reason is a complaint or a referral with its number — what auditors look for (docs/handling.md).
 */
@ObjectType("UnplannedInspection", { description: "计划外检查（未经摇号）/ an inspection outside any draw" })
@Entity({ tableName: "unplanned_inspection" })
export class UnplannedInspection {
  [OptionalProps]?: "recordedAt";

  @PrimaryKey({ type: "integer", autoincrement: false })
  visitId!: number;

  @Field(() => String, { description: "检查部门 / department" })
  @Index()
  @Property({ type: "string", length: 64 })
  department!: string;

  @Field(() => String, { description: "法律依据 / legal basis" })
  @Property({ type: "text" })
  legalBasis!: string;

  @Field(() => UnplannedReason, { description: "原因 / reason" })
  @Property({ type: "string", length: 16 })
  reason!: UnplannedReason;

  @Field(() => String, { nullable: true, description: "投诉举报或移送编号 / complaint or referral number" })
  @Property({ type: "string", length: 100, nullable: true })
  referenceNumber: string | null = null;

  @Field(() => Boolean, { description: "是否标记为「未列入抽查计划」/ flagged 未列入抽查计划" })
  @Index()
  @Property({ type: "boolean" })
  flagged!: boolean;

  @Field(() => String, { description: "登记人 / recorded by" })
  @Property({ type: "string", length: 100 })
  recordedBy!: string;

  @Field(() => Date, { description: "登记时间 / recorded at" })
  @Property({ type: "datetime" })
  recordedAt: Date = new Date();
}
