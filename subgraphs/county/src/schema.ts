import { AuditEventOutcomeResolver, buildFederatedSchema, type FederatedSchema } from "@ssj/shared";
import { CountyAuditResolver } from "./audit/audit.resolver.js";
import { DepartmentResolver, DepartmentUrlResolver, resolveDepartmentReference } from "./departments/department.resolver.js";
import { DrawResolver } from "./draws/draw.resolver.js";
import { DrawListResolver } from "./draws/draw-list.resolver.js";
import { CeremonyResolver } from "./draws/ceremony/ceremony.resolver.js";
import { CheckpointKeyResolver } from "./audit/checkpoint.resolver.js";
import { StratumOpeningResolver } from "./draws/opening.resolver.js";
import { DepartmentChangeResolver } from "./events/department-change.resolver.js";
import { DrawChangeResolver, VisitChangeResolver } from "./events/draw-change.resolver.js";
import { PlanResolver } from "./plans/plan.resolver.js";
import { RegionResolver } from "./regions/region.resolver.js";
import { EnforcementCategoryResolver } from "./categories/category.resolver.js";
import { ExpertRef, InspectorRef, MatterRef } from "./refs/entity-refs.js";
import { resolveSubjectReference, resolveSupervisionRecordReference, SubjectResolver } from "./subjects/subject.resolver.js";
import { SupervisionRecordRef } from "./subjects/subject.type.js";
import { resolveVisitReference, VisitResolver } from "./visits/visit.resolver.js";
import { inspectionResolvers } from "./inspections/index.js";
import { handlingResolvers } from "./handling/index.js";
import { creditResolvers } from "./credit/index.js";
import { unplannedResolvers } from "./unplanned/index.js";
import { MatterFrequencyResolver } from "./plans/matter-frequency.resolver.js";
import { StatisticsResolver } from "./statistics/statistics.resolver.js";
import { DepartmentVisitsResolver, InspectorVisitsResolver, resolveInspectorReference } from "./visits/visit-lists.resolver.js";

let built: Promise<FederatedSchema> | undefined;

/** The county coordination subgraph: the department registry, plans, draws and visits. */
export function buildCountySchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers: [
        DepartmentResolver,
        DepartmentUrlResolver,
        SubjectResolver,
        PlanResolver,
        MatterFrequencyResolver,
        DrawResolver,
        DrawListResolver,
        CeremonyResolver,
        CheckpointKeyResolver,
        StratumOpeningResolver,
        VisitResolver,
        DepartmentVisitsResolver,
        InspectorVisitsResolver,
        DepartmentChangeResolver,
        DrawChangeResolver,
        VisitChangeResolver,
        RegionResolver,
        EnforcementCategoryResolver,
        CountyAuditResolver,
        AuditEventOutcomeResolver,
        ...inspectionResolvers,
        ...handlingResolvers,
        ...creditResolvers,
        ...unplannedResolvers,
        StatisticsResolver,
      ],
      orphanedTypes: [SupervisionRecordRef, MatterRef, InspectorRef, ExpertRef],
      validate: false,
    },
    {
      Department: { __resolveReference: resolveDepartmentReference },
      Subject: { __resolveReference: resolveSubjectReference },
      SupervisionRecord: { __resolveReference: resolveSupervisionRecordReference },
      Visit: { __resolveReference: resolveVisitReference },
      Inspector: { __resolveReference: resolveInspectorReference },
    },
  );
  return built;
}
