import { FieldResolver, Resolver, Root } from "type-graphql";
import { AuditEvent } from "./audit-event.entity.js";
import { AuditOutcome, outcomeOf } from "./audit-query.js";

/** `AuditEvent.outcome`, read from the entry itself; every service that serves its log registers this resolver. */
@Resolver(() => AuditEvent)
export class AuditEventOutcomeResolver {
  @FieldResolver(() => AuditOutcome, { description: "结果：成功或被拒绝 / outcome: done or refused" })
  outcome(@Root() e: AuditEvent): AuditOutcome {
    return outcomeOf(e);
  }
}
