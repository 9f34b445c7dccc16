import { Directive, Field, ObjectType } from "type-graphql";

/**
 * A market subject across departments, keyed by USCC. `Query.subject` and `Visit.subject` reach it
 * here; its `records` come from every department instance (the gateway fans the entity fetch
 * out by USCC and merges the answers).
 */
@ObjectType("Subject", { description: "市场主体（跨部门）/ a market subject across departments" })
@Directive('@key(fields: "uscc")')
export class Subject {
  @Field(() => String, { description: "统一社会信用代码 / unified social credit code" })
  uscc!: string;
}

/**
 * One department's supervision record, as far as the county needs it: the key its fields
 * (`inspections`, `riskProposals`) hang on. `subject` is the department's own field (a record reaches
 * every department's records without a hop through the county: docs/architecture.md).
 */
@ObjectType("SupervisionRecord", { description: "某部门对市场主体的监管记录 / one department's record of a market subject" })
@Directive('@key(fields: "department uscc")')
export class SupervisionRecordRef {
  @Field(() => String, { description: "部门编码 / department code" })
  department!: string;

  @Field(() => String, { description: "统一社会信用代码 / unified social credit code" })
  uscc!: string;
}
