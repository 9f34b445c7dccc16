import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { MatterRef } from "../refs/entity-refs.js";

@ObjectType("PlanMatter", { description: "计划所用的事项版本 / a matter version the plan uses" })
export class PlanMatter {
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => ID, { description: "事项版本标识 / matter version id" }) matterId!: string;
  @Field(() => String, { description: "事项编码 / matter code" }) code!: string;
  @Field(() => Int, { description: "版本号 / version" }) version!: number;
  @Field(() => String, { description: "事项名称 / name" }) name!: string;
  @Field(() => String, { description: "事项类别 KEY/GENERAL / class" }) matterClass!: string;
  @Field(() => MatterRef, { description: "事项详情（来自部门服务）/ the matter, from its department" }) matter!: MatterRef;
}

@ObjectType("PlanScope", { description: "抽查范围 / scope" })
export class PlanScope {
  @Field(() => [String], { description: "行政区划代码 / regions" }) regions!: string[];
  @Field(() => [String], { description: "行业类别 / categories" }) categories!: string[];
  @Field(() => [String], { description: "监管类型 / supervision types" }) supervisionTypes!: string[];
}

@ObjectType("StratumRatio", { description: "某抽样层的比例 / ratio of one stratum" })
export class StratumRatio {
  @Field(() => String, { description: "抽样层 FLAGGED/D/C/B/A / stratum" }) stratum!: string;
  @Field(() => Float, { description: "比例 / ratio" }) ratio!: number;
}
