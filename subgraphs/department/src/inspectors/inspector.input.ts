import type { ExpertInput as SharedExpertInput } from "@ssj/shared";
import type { InspectorInput as SharedInspectorInput } from "@ssj/shared";
import { Field, InputType } from "type-graphql";

@InputType({ description: "新增执法检查人员 / a new inspector" })
export class InspectorInput implements SharedInspectorInput {
  @Field(() => String, { description: "姓名 / name" }) name!: string;
  @Field(() => String, { description: "执法证号（唯一）/ certificate number, unique" }) certificateNo!: string;
  @Field(() => [String], {
    description: "执法类别：共享类别的编码或准确的中文名称（未知类别拒绝 UNKNOWN_CATEGORY）/ shared category codes or exact Chinese names",
  })
  categories!: string[];
  @Field(() => String, { description: "所在行政区划代码 / region code" }) region!: string;
  @Field(() => [String], { defaultValue: [], description: "专长 / expertise tags" }) expertise!: string[];
  @Field(() => String, { nullable: true, description: "联系电话 / phone" }) phone?: string | null;
}

@InputType({ description: "修改检查人员信息：只填要改的字段（状态请用 changeInspectorStatus）/ changes" })
export class InspectorUpdateInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) certificateNo?: string | null;
  @Field(() => [String], { nullable: true }) categories?: string[] | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => [String], { nullable: true }) expertise?: string[] | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType({ description: "新增专家 / a new expert" })
export class ExpertInput implements SharedExpertInput {
  @Field(() => String, { description: "姓名 / name" }) name!: string;
  @Field(() => String, { description: "所在单位 / organization" }) organization!: string;
  @Field(() => [String], { description: "专业领域 / expertise" }) expertise!: string[];
  @Field(() => String, { description: "所在行政区划代码 / region code" }) region!: string;
  @Field(() => String, { nullable: true, description: "联系电话 / phone" }) phone?: string | null;
}

@InputType({ description: "修改专家信息 / changes to an expert" })
export class ExpertUpdateInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) organization?: string | null;
  @Field(() => [String], { nullable: true }) expertise?: string[] | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Boolean, { nullable: true, description: "是否在库可用 / available" }) active?: boolean | null;
}
