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
  @Field(() => [String], {
    description:
      "所需执法类别：每项事项的每个类别，由该部门派出的检查人员中至少一人具备（见 docs/rules.md）/ " +
      "categories required: each held by at least one of the department's inspectors on the visit",
  })
  qualifications!: string[];
  @Field(() => Int, {
    nullable: true,
    description: "该版本的法定报告期限（工作日）；空则按 3 个工作日 / the version's statutory report deadline in working days; null: 3",
  })
  reportDeadlineWorkingDays?: number | null;
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
  @Field(() => Boolean, {
    description: "未填写、按规则取默认值（FLAGGED 缺省取其余各层最高比例）/ not given: the default (FLAGGED: the highest of the others)",
  })
  defaulted!: boolean;
  @Field(() => String, { nullable: true, description: "比例为 0（免抽）的书面理由 / the written reason of a 0 ratio" })
  zeroReason!: string | null;
}
