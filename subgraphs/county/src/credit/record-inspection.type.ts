import { Field, ID, ObjectType } from "type-graphql";
import { InspectionResult } from "../inspections/result-codes.js";

@ObjectType("RecordInspectionResult", { description: "一个事项的抽查结果 / the result for one matter" })
export class RecordInspectionResult {
  @Field(() => InspectionResult, { description: "结果分类 / result category" }) result!: InspectionResult;
  @Field(() => String, { description: "结果代码（两位）/ two-digit result code" }) code!: string;
  @Field(() => String, { description: "结果名称 / label" }) label!: string;
}

/** One published result of the department on the subject, as its record shows it (docs/credit.md). */
@ObjectType("RecordInspection", { description: "监管记录中的一次抽查结果（已公示）/ one published inspection result in the record" })
export class RecordInspection {
  @Field(() => ID, { description: "检查编号 / visit id" }) visitId!: number;
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => String, { nullable: true, description: "检查结束日期（中国时间）/ the day the inspection ended" }) inspectedOn!:
    string | null;
  @Field(() => Date, { description: "公示时间 / published at" }) publishedAt!: Date;
  @Field(() => [RecordInspectionResult], { description: "各事项结果 / results per matter" }) results!: RecordInspectionResult[];
  @Field(() => String, { nullable: true, description: "处理意见（报告第六项；处理决定另见 handling）/ the report's handling opinion" })
  handling!: string | null;
}
