import { Field, ID, InputType } from "type-graphql";
import { UnplannedReason } from "./unplanned.entity.js";

@InputType({ description: "登记计划外检查 / record an inspection outside any draw" })
export class UnplannedInspectionInput {
  @Field(() => String, { description: "被检查对象统一社会信用代码 / the subject's USCC" }) uscc!: string;
  @Field(() => String, { description: "检查部门 / department" }) department!: string;
  @Field(() => [ID], { description: "检查事项（Matter.id，须已公布）/ matters, published" }) matterIds!: string[];
  @Field(() => [ID], { description: "执法人员（至少 2 名，在岗）/ inspectors, at least 2, active" }) inspectorIds!: string[];
  @Field(() => String, { description: "法律依据 / legal basis" }) legalBasis!: string;
  @Field(() => UnplannedReason, { description: "原因 / reason" }) reason!: UnplannedReason;
  @Field(() => String, { nullable: true, description: "投诉举报或移送编号 / complaint or referral number" })
  referenceNumber?: string | null;
}
