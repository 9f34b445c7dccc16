import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "移送所附证据 / evidence attached to a referral" })
export class ReferralEvidenceInput {
  @Field(() => String, { description: "SHA-256 摘要 / digest" }) sha256!: string;
  @Field(() => String, { description: "文件类型 / media type" }) mediaType!: string;
  @Field(() => Int, { description: "字节数 / size" }) size!: number;
  @Field(() => String, { nullable: true, description: "文件名 / file name" }) fileName?: string | null;
}

/** What the county's outbox sends (handling/referral-delivery.ts in the county service). */
@InputType({ description: "县级送达的移送（仅县级服务调用）/ a referral as the county delivers it (county service only)" })
export class ReferralDeliveryInput {
  @Field(() => ID, { description: "移送编号 / referral id" }) id!: string;
  @Field(() => String, { description: "移送部门 / sending department" }) fromDepartment!: string;
  @Field(() => ID, { description: "检查编号 / visit id" }) visitId!: string;
  @Field(() => String, { description: "统一社会信用代码 / USCC" }) uscc!: string;
  @Field(() => String, { description: "事项 / matter" }) matter!: string;
  @Field(() => String, { description: "结果代码 / result code" }) resultCode!: string;
  @Field(() => String, { description: "结果 / result label" }) resultLabel!: string;
  @Field(() => String, { description: "发现的问题 / what was found" }) finding!: string;
  @Field(() => String, { description: "移送理由 / reason" }) reason!: string;
  @Field(() => [ReferralEvidenceInput], { description: "证据摘要 / evidence digests" }) evidence!: ReferralEvidenceInput[];
  @Field(() => String, { description: "移送人 / referred by" }) referredBy!: string;
  @Field(() => String, { description: "移送时间（ISO 8601）/ referred at" }) referredAt!: string;
}
