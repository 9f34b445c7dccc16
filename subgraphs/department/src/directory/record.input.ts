import { Field, InputType } from "type-graphql";
import { KeySectorEnum, RiskClassEnum } from "./enums.js";

@InputType({ description: "监管记录（新增）/ a supervision record to add" })
export class SubjectInput {
  @Field(() => String, { description: "统一社会信用代码 / USCC" }) uscc!: string;
  @Field(() => String, { description: "主体名称 / name" }) name!: string;
  @Field(() => String, { description: "行业类别 / business category" }) category!: string;
  @Field(() => String, { description: "地址 / address" }) address!: string;
  @Field(() => String, { description: "法定代表人/负责人 / legal representative" }) legalRepresentative!: string;
  @Field(() => String, { description: "行政区划代码（6、9 或 12 位）/ region code" }) region!: string;
  @Field(() => [String], { description: "监管类型 / supervision types" }) supervisionTypes!: string[];
  @Field(() => RiskClassEnum, { description: "信用风险分类 / risk class" }) riskClass!: RiskClassEnum;
  @Field(() => Boolean, { defaultValue: false, description: "经营异常名录 / abnormal list" }) abnormalList!: boolean;
  @Field(() => Boolean, { defaultValue: false, description: "失信 / dishonest" }) dishonest!: boolean;
  @Field(() => Boolean, { defaultValue: false, description: "严重违法失信 / serious violation" }) seriousViolation!: boolean;
  @Field(() => [KeySectorEnum], { defaultValue: [], description: "重点领域 / key sectors" }) keySectors!: KeySectorEnum[];
}

@InputType({ description: "监管记录修改：只填要改的字段 / changes to a record: only what changes" })
export class SubjectUpdateInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) legalRepresentative?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => [String], { nullable: true }) supervisionTypes?: string[] | null;
  @Field(() => RiskClassEnum, { nullable: true }) riskClass?: RiskClassEnum | null;
  @Field(() => Boolean, { nullable: true }) abnormalList?: boolean | null;
  @Field(() => Boolean, { nullable: true }) dishonest?: boolean | null;
  @Field(() => Boolean, { nullable: true }) seriousViolation?: boolean | null;
  @Field(() => [KeySectorEnum], { nullable: true }) keySectors?: KeySectorEnum[] | null;
}

@InputType({ description: "名录筛选条件 / directory filter" })
export class SubjectFilter {
  @Field(() => String, {
    nullable: true,
    description: "名称包含的文字（% 和 _ 按字面匹配）/ part of the name; % and _ match themselves",
  })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "行政区划代码前缀 / region code prefix" }) region?: string | null;
  @Field(() => String, { nullable: true, description: "行业类别 / business category" }) category?: string | null;
  @Field(() => String, { nullable: true, description: "监管类型 / supervision type" }) supervisionType?: string | null;
  @Field(() => [RiskClassEnum], { nullable: true, description: "风险分类（任一）/ any of these risk classes" }) riskClasses?:
    RiskClassEnum[] | null;
  @Field(() => Boolean, { nullable: true, description: "经营异常名录 / abnormal list" }) abnormalList?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "失信 / dishonest" }) dishonest?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "严重违法失信 / serious violation" }) seriousViolation?: boolean | null;
  @Field(() => KeySectorEnum, { nullable: true, description: "重点领域 / key sector" }) keySector?: KeySectorEnum | null;
  @Field(() => Boolean, { nullable: true, description: "是否包含已移出名录的记录（默认否）/ include removed records" }) includeRemoved?:
    boolean | null;
}
