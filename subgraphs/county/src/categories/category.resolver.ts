import { ENFORCEMENT_CATEGORIES, EnforcementCategory } from "@ssj/shared";
import { Query, Resolver } from "type-graphql";

/**
 * The shared enforcement categories, public: matters and inspectors carry their codes, and a clerk filling a
 * form or a spreadsheet reads here what to type. A fixed table in code (packages/shared), so a plain list.
 */
@Resolver(() => EnforcementCategory)
export class EnforcementCategoryResolver {
  @Query(() => [EnforcementCategory], {
    description: "共享执法类别表（编码、中文名称、英文名称）/ the enforcement categories shared by every department",
  })
  enforcementCategories(): EnforcementCategory[] {
    return ENFORCEMENT_CATEGORIES.map((c) => ({ ...c }));
  }
}
