import { buildFederatedSchema, type FederatedSchema } from "@ssj/shared";
import { DepartmentResolver, resolveDepartmentReference } from "./departments/department.resolver.js";
import { resolveSubjectReference, resolveSupervisionRecordReference, SubjectResolver, SupervisionRecordSubjectResolver } from "./subjects/subject.resolver.js";
import { SupervisionRecordRef } from "./subjects/subject.type.js";

let built: Promise<FederatedSchema> | undefined;

/** The county coordination subgraph. */
export function buildCountySchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema(
    { resolvers: [DepartmentResolver, SubjectResolver, SupervisionRecordSubjectResolver], orphanedTypes: [SupervisionRecordRef], validate: false },
    {
      Department: { __resolveReference: resolveDepartmentReference },
      Subject: { __resolveReference: resolveSubjectReference },
      SupervisionRecord: { __resolveReference: resolveSupervisionRecordReference },
    },
  );
  return built;
}
