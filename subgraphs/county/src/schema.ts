import { buildFederatedSchema, type FederatedSchema } from "@ssj/shared";
import { DepartmentResolver, resolveDepartmentReference } from "./departments/department.resolver.js";

let built: Promise<FederatedSchema> | undefined;

/** The county coordination subgraph. */
export function buildCountySchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema({ resolvers: [DepartmentResolver], validate: false }, { Department: { __resolveReference: resolveDepartmentReference } });
  return built;
}
