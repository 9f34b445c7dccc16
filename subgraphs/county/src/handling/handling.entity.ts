import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { HandlingKind, ReferralState } from "./handling-kind.js";

/**
 * 处置决定: one per finding that is a problem, in the books of the finding's department (stored next to the
 * visit like the findings, docs/architecture.md). Each kind fills its own fields; the visit's chain records it.
 */
@ObjectType("HandlingDecision", { description: "问题处置决定（每条发现问题的检查结果一条）/ the handling decision for a finding" })
@Entity({ tableName: "handling_decision" })
export class HandlingDecision {
  [OptionalProps]?:
    | "decidedAt"
    | "followUpResult"
    | "followedUpAt"
    | "followedUpBy"
    | "referralState"
    | "referralStateAt"
    | "answerDue"
    | "answerDueProvisional";

  @Field(() => ID, { description: "编号（移送时即移送编号）/ id, also the referral's id" })
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  visitId!: number;

  @Property({ type: "integer", unique: true })
  findingId!: number;

  @Field(() => String, { description: "作出决定的部门 / the deciding department" })
  @Index()
  @Property({ type: "string", length: 64 })
  department!: string;

  /** Engine matter ref, `market:12`. */
  @Field(() => String, { description: "事项（部门:编号）/ the matter, department:id" })
  @Property({ type: "string", length: 100 })
  matter!: string;

  @Field(() => String, { description: "被检查对象统一社会信用代码 / the subject's USCC" })
  @Property({ type: "string", length: 18 })
  uscc!: string;

  @Field(() => HandlingKind, { description: "处置方式 / kind" })
  @Property({ type: "string", length: 16 })
  kind!: HandlingKind;

  @Field(() => String, { nullable: true, description: "责令改正的内容（当场处理）/ what was ordered" })
  @Property({ type: "text", nullable: true })
  orderedAction: string | null = null;

  @Field(() => String, { nullable: true, description: "整改期限 YYYY-MM-DD（当场处理）/ rectification deadline" })
  @Index()
  @Property({ type: "string", length: 10, nullable: true })
  rectificationDeadline: string | null = null;

  @Field(() => String, { nullable: true, description: "整改复查结果 / follow-up result" })
  @Property({ type: "text", nullable: true })
  followUpResult: string | null = null;

  @Field(() => Date, { nullable: true, description: "复查时间 / followed up at" })
  @Property({ type: "datetime", nullable: true })
  followedUpAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "复查人 / followed up by" })
  @Property({ type: "string", length: 100, nullable: true })
  followedUpBy: string | null = null;

  @Field(() => String, { nullable: true, description: "立案编号（本部门立案）/ case number" })
  @Property({ type: "string", length: 100, nullable: true })
  caseNumber: string | null = null;

  @Field(() => String, { nullable: true, description: "立案或移送日期 YYYY-MM-DD / date of the case or the transfer" })
  @Property({ type: "string", length: 10, nullable: true })
  decisionDate: string | null = null;

  @Field(() => String, { nullable: true, description: "接收移送的部门编码 / the department referred to" })
  @Index()
  @Property({ type: "string", length: 64, nullable: true })
  referredTo: string | null = null;

  @Field(() => ReferralState, { nullable: true, description: "移送状态（县级所知）/ referral state as the county knows it" })
  @Property({ type: "string", length: 20, nullable: true })
  referralState: ReferralState | null = null;

  @Field(() => Date, { nullable: true, description: "移送状态更新时间 / when the state last changed" })
  @Property({ type: "datetime", nullable: true })
  referralStateAt: Date | null = null;

  /** Set when the referral reaches the receiver's books: N working days from that day (docs/rules.md, referral-deadline.ts). */
  @Field(() => String, {
    nullable: true,
    description: "接收部门答复期限 YYYY-MM-DD（送达之日起计工作日）/ the receiving department's answer deadline, counted from delivery",
  })
  @Index()
  @Property({ type: "string", length: 10, nullable: true })
  answerDue: string | null = null;

  @Field(() => Boolean, {
    description: "答复期限按未发布节假日安排的年份计算，仅供参考 / the deadline crosses a year with no holiday schedule: provisional",
  })
  @Property({ type: "boolean" })
  answerDueProvisional: boolean = false;

  @Field(() => String, { nullable: true, description: "接收机关（移送司法）/ receiving judicial organ" })
  @Property({ type: "string", length: 200, nullable: true })
  receivingOrgan: string | null = null;

  @Field(() => String, { nullable: true, description: "移送文书编号（移送司法）/ transfer document number" })
  @Property({ type: "string", length: 100, nullable: true })
  documentNumber: string | null = null;

  @Field(() => String, { nullable: true, description: "理由或说明 / reason or note" })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @Field(() => String, { description: "决定人 / decided by" })
  @Property({ type: "string", length: 100 })
  decidedBy!: string;

  @Field(() => Date, { description: "决定时间 / decided at" })
  @Property({ type: "datetime" })
  decidedAt: Date = new Date();
}
