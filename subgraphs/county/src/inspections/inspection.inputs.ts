import { Field, ID, InputType } from "type-graphql";
import { InspectionResult } from "./result-codes.js";

@InputType({ description: "开始检查 / starting a visit" })
export class StartVisitInput {
  @Field(() => ID, { description: "检查编号 / visit id" }) visitId!: string;
  @Field(() => [String], { description: "实际在场的执法人员（部门:编号，如 market:7）/ inspectors present, department:id" })
  present!: string[];
  @Field(() => Boolean, { description: "已出示执法证件 / certificates shown" }) certificatesShown!: boolean;
  @Field(() => String, { description: "送达的检查通知书编号 / number of the inspection notice served" }) noticeNumber!: string;
}

@InputType({ description: "某事项的检查结果 / the finding for one matter" })
export class FindingInput {
  @Field(() => ID) visitId!: string;
  @Field(() => String, { description: "事项所属部门 / the matter's department" }) department!: string;
  @Field(() => ID, { description: "事项版本标识（Matter.id）/ the matter's id" }) matterId!: string;
  @Field(() => InspectionResult, { description: "结果分类 / result category" }) result!: InspectionResult;
  @Field(() => String, { description: "情况描述 / what was found" }) description!: string;
}

@InputType({ description: "修改报告草稿（未给出的项不变）/ edits to a draft report; omitted items stay" })
export class ReportEditInput {
  @Field(() => String, { nullable: true, description: "检查时间 / inspection time" }) inspectionTime?: string;
  @Field(() => String, { nullable: true, description: "检查内容 / content" }) content?: string;
  @Field(() => String, { nullable: true, description: "检查步骤 / steps" }) steps?: string;
  @Field(() => String, { nullable: true, description: "检查结果 / findings" }) findings?: string;
  @Field(() => String, { nullable: true, description: "评价 / evaluation" }) evaluation?: string;
  @Field(() => String, { nullable: true, description: "处理意见和建议 / handling" }) handling?: string;
}
