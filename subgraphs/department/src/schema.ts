import { AuditEventOutcomeResolver, buildFederatedSchema, type FederatedSchema } from "@ssj/shared";
import { DepartmentAuditResolver } from "./audit/audit.resolver.js";
import { DepartmentResolver, resolveDepartmentReference } from "./department/department.resolver.js";
import { Department } from "./department/department.type.js";
import { Subject } from "./directory/subject.type.js";
import { ImportResolver } from "./directory/import/import.resolver.js";
import {
  resolveSubjectReference,
  resolveSupervisionRecordReference,
  SubjectResolver,
  SupervisionRecordResolver,
} from "./directory/record.resolver.js";
import { ExpertResolver, resolveExpertReference } from "./inspectors/expert.resolver.js";
import { InspectorResolver, resolveInspectorReference } from "./inspectors/inspector.resolver.js";
import { MatterResolver, resolveMatterReference } from "./matters/matter.resolver.js";
import { ReferralResolver, resolveReferralReference } from "./referrals/index.js";
import { MatterTotalResolver } from "./statistics/matter-total.resolver.js";

let built: Promise<FederatedSchema> | undefined;

/** The department contract: the same schema for every department instance. */
export function buildDepartmentSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers: [
        DepartmentResolver,
        MatterResolver,
        SubjectResolver,
        SupervisionRecordResolver,
        ImportResolver,
        InspectorResolver,
        ExpertResolver,
        DepartmentAuditResolver,
        AuditEventOutcomeResolver,
        ReferralResolver,
        MatterTotalResolver,
      ],
      // Department is reached only through `_entities`, so it must be named here to be emitted.
      orphanedTypes: [Department, Subject],
      validate: false,
    },
    {
      Department: { __resolveReference: resolveDepartmentReference },
      Matter: { __resolveReference: resolveMatterReference },
      Subject: { __resolveReference: resolveSubjectReference },
      SupervisionRecord: { __resolveReference: resolveSupervisionRecordReference },
      Inspector: { __resolveReference: resolveInspectorReference },
      Expert: { __resolveReference: resolveExpertReference },
      Referral: { __resolveReference: resolveReferralReference },
    },
  );
  return built;
}
