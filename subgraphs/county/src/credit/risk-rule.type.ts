import { Field, Int, ObjectType } from "type-graphql";

/** How `riskRules` shows a version of the rule (the data is in risk-rules.ts, free of GraphQL). */
@ObjectType("RiskRule", { description: "风险分类调整规则（数据，带版本）/ the risk-class proposal rule, versioned data" })
export class RiskRule {
  @Field(() => String, { description: "版本 / version" }) version!: string;
  @Field(() => [String], { description: "触发上调一级的抽查结果 / results that propose one class up" }) upOn!: string[];
  @Field(() => [String], { description: "视为未发现问题的结果 / results counted as clean" }) clean!: string[];
  @Field(() => Int, { description: "连续多少次未发现问题建议下调一级 / clean results in a row that propose one class down" })
  cleanInARowForDown!: number;
  @Field(() => String, { description: "规则说明 / the rule in words" }) description!: string;
  @Field(() => Boolean, { description: "是否为现行版本 / whether this version is in force" }) current!: boolean;
}
