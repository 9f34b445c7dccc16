import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "移送所附证据 / evidence attached to a referral" })
export class ReferralEvidenceInput {
  @Field(() => String) sha256!: string;
  @Field(() => String) mediaType!: string;
  @Field(() => Int) size!: number;
  @Field(() => String, { nullable: true }) fileName?: string | null;
}

/** What the county's outbox sends (handling/referral-delivery.ts in the county service). */
@InputType({ description: "县级送达的移送（仅县级服务调用）/ a referral as the county delivers it (county service only)" })
export class ReferralDeliveryInput {
  @Field(() => ID) id!: string;
  @Field(() => String) fromDepartment!: string;
  @Field(() => ID) visitId!: string;
  @Field(() => String) uscc!: string;
  @Field(() => String) matter!: string;
  @Field(() => String) resultCode!: string;
  @Field(() => String) resultLabel!: string;
  @Field(() => String) finding!: string;
  @Field(() => String) reason!: string;
  @Field(() => [ReferralEvidenceInput]) evidence!: ReferralEvidenceInput[];
  @Field(() => String) referredBy!: string;
  @Field(() => String, { description: "ISO 8601" }) referredAt!: string;
}
