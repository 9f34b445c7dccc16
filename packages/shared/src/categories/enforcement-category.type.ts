import { Directive, Field, ObjectType } from "type-graphql";
import { enforcementCategory, type EnforcementCategoryEntry } from "./enforcement-categories.js";

/** The GraphQL face of one shared category; every subgraph that shows categories resolves it itself. */
@Directive("@shareable")
@ObjectType("EnforcementCategory", {
  description: "共享执法类别（各部门共用的受控词表）/ an enforcement category of the vocabulary shared by departments",
})
export class EnforcementCategory implements EnforcementCategoryEntry {
  @Field(() => String, { description: "编码，匹配以此为准 / code, what matching compares" }) code!: string;
  @Field(() => String, { description: "中文名称 / Chinese name" }) name!: string;
  @Field(() => String, { description: "英文名称 / English name" }) nameEn!: string;
}

/** The entries of the codes that are in the table (a stored code is always in it; an unknown one is skipped). */
export function categoriesOf(codes: readonly string[]): EnforcementCategory[] {
  return codes.map(enforcementCategory).filter((c): c is EnforcementCategory => c !== undefined);
}
