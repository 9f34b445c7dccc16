import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ReferralStatus {
  RECEIVED = "RECEIVED",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  CLOSED = "CLOSED",
}
registerEnumType(ReferralStatus, {
  name: "ReferralStatus",
  description: "移送状态：已收到待答复、已接收、已退回（附理由）、已办结（附结果）/ referral status in the receiving department's books",
});

@ObjectType("ReferralEvidence", { description: "移送所附证据（摘要）/ evidence attached to a referral, by digest" })
export class ReferralEvidence {
  @Field(() => String, { description: "SHA-256 摘要（在县级检查记录中可下载核对）/ SHA-256 digest" }) sha256!: string;
  @Field(() => String, { description: "文件类型 / media type" }) mediaType!: string;
  @Field(() => Int, { description: "字节数 / size" }) size!: number;
  @Field(() => String, { nullable: true, description: "文件名 / file name" }) fileName!: string | null;
}

/**
 * 收到的移送: a referral in the receiving department's own books, keyed by the county's referral id (a
 * repeated delivery finds the row and stores nothing). The department answers it here; its own `referral:<id>`
 * chain records receipt and answer. The sending department and the county read it through the gateway.
 */
@ObjectType("Referral", { description: "移送（接收部门账本中的记录）/ a referral, as the receiving department keeps it" })
@Directive('@key(fields: "department id")')
@Entity({ tableName: "incoming_referral" })
export class Referral {
  [OptionalProps]?: "status" | "receivedAt" | "answeredAt" | "answeredBy" | "declineReason" | "outcome" | "closedAt";

  @Field(() => ID, { description: "移送编号（县级处置决定编号）/ referral id" })
  @PrimaryKey({ type: "integer", autoincrement: false })
  id!: number;

  @Field(() => String, { description: "移送部门编码 / sending department" })
  @Property({ type: "string", length: 64 })
  fromDepartment!: string;

  @Field(() => ID, { description: "县级检查编号 / the visit" })
  @Property({ type: "integer" })
  visitId!: number;

  @Field(() => String, { description: "被检查对象统一社会信用代码 / the subject's USCC" })
  @Index()
  @Property({ type: "string", length: 18 })
  uscc!: string;

  @Field(() => String, { description: "检查事项（部门:编号）/ the matter" })
  @Property({ type: "string", length: 100 })
  matter!: string;

  @Field(() => String, { description: "检查结果代码 / result code" })
  @Property({ type: "string", length: 4 })
  resultCode!: string;

  @Field(() => String, { description: "检查结果 / result label" })
  @Property({ type: "string", length: 100 })
  resultLabel!: string;

  @Field(() => String, { description: "发现的问题 / what was found" })
  @Property({ type: "text" })
  finding!: string;

  @Field(() => String, { description: "移送理由 / why it is referred" })
  @Property({ type: "text" })
  reason!: string;

  @Field(() => [ReferralEvidence], { description: "证据摘要 / evidence digests" })
  @Property({ type: "json" })
  evidence!: ReferralEvidence[];

  @Field(() => String, { description: "移送人 / referred by" })
  @Property({ type: "string", length: 100 })
  referredBy!: string;

  @Field(() => Date, { description: "移送时间 / referred at" })
  @Property({ type: "datetime" })
  referredAt!: Date;

  @Field(() => Date, { description: "收到时间 / received at" })
  @Property({ type: "datetime" })
  receivedAt: Date = new Date();

  @Field(() => ReferralStatus, { description: "状态 / status" })
  @Index()
  @Property({ type: "string", length: 16 })
  status: ReferralStatus = ReferralStatus.RECEIVED;

  @Field(() => Date, { nullable: true, description: "答复时间 / answered at" })
  @Property({ type: "datetime", nullable: true })
  answeredAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "答复人 / answered by" })
  @Property({ type: "string", length: 100, nullable: true })
  answeredBy: string | null = null;

  @Field(() => String, { nullable: true, description: "退回理由 / why it was declined" })
  @Property({ type: "text", nullable: true })
  declineReason: string | null = null;

  @Field(() => String, { nullable: true, description: "办理结果 / the receiving department's outcome" })
  @Property({ type: "text", nullable: true })
  outcome: string | null = null;

  @Field(() => Date, { nullable: true, description: "办结时间 / closed at" })
  @Property({ type: "datetime", nullable: true })
  closedAt: Date | null = null;
}
