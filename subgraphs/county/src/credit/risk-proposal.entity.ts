import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { connectionType } from "@ssj/shared";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum RiskProposalStatus {
  PENDING = "PENDING",
  APPLIED = "APPLIED",
  REJECTED = "REJECTED",
}
registerEnumType(RiskProposalStatus, { name: "RiskProposalStatus", description: "待处理、已采纳、已驳回 / pending, applied, rejected" });

export enum RiskDirectionEnum {
  UP = "UP",
  DOWN = "DOWN",
}
registerEnumType(RiskDirectionEnum, {
  name: "RiskDirection",
  description: "上调一级（风险更高）或下调一级 / one class up (riskier) or down",
});

/**
 * 风险分类调整建议: made when a department publishes a result, by the rule in force (risk-rules.ts);
 * a department admin applies it (the department's record changes, with this proposal as the reason)
 * or rejects it. Kept in the county next to the result that caused it (docs/architecture.md).
 */
@ObjectType("RiskProposal", { description: "风险分类调整建议 / a risk-class proposal" })
@Entity({ tableName: "risk_proposal" })
@Unique({ properties: ["reportId"] })
@Index({ properties: ["department", "status"] })
export class RiskProposal {
  [OptionalProps]?: "status" | "createdAt" | "decidedBy" | "decidedAt" | "decisionReason" | "fromClass" | "toClass";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "部门编码 / department" })
  @Property({ type: "string", length: 64 })
  department!: string;

  @Field(() => String, { description: "统一社会信用代码 / USCC" })
  @Index()
  @Property({ type: "string", length: 18 })
  uscc!: string;

  @Field(() => ID, { description: "依据的检查 / the visit whose published result made it" })
  @Property({ type: "integer" })
  visitId!: number;

  @Property({ type: "integer" })
  reportId!: number;

  @Field(() => RiskDirectionEnum, { description: "调整方向 / direction" })
  @Property({ type: "string", length: 8 })
  direction!: RiskDirectionEnum;

  @Field(() => String, { description: "建议理由 / why" })
  @Property({ type: "text" })
  reason!: string;

  @Field(() => String, { description: "所依据规则的版本 / version of the rule" })
  @Property({ type: "string", length: 32 })
  ruleVersion!: string;

  @Field(() => RiskProposalStatus, { description: "状态 / state" })
  @Property({ type: "string", length: 16 })
  status: RiskProposalStatus = RiskProposalStatus.PENDING;

  @Field(() => Date, { description: "建议时间 / made at" })
  @Property({ type: "datetime" })
  createdAt: Date = new Date();

  @Field(() => String, { nullable: true, description: "处理人 / decided by" })
  @Property({ type: "string", length: 100, nullable: true })
  decidedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: "处理时间 / decided at" })
  @Property({ type: "datetime", nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "驳回理由 / reason of a rejection" })
  @Property({ type: "text", nullable: true })
  decisionReason: string | null = null;

  @Field(() => String, { nullable: true, description: "采纳前的风险分类 / class before it was applied" })
  @Property({ type: "string", length: 1, nullable: true })
  fromClass: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: "采纳后的风险分类（已在两端则不变）/ class after it was applied (unchanged at either end)",
  })
  @Property({ type: "string", length: 1, nullable: true })
  toClass: string | null = null;
}

export const RiskProposalConnection = connectionType(RiskProposal, "RiskProposal", "风险分类调整建议");
