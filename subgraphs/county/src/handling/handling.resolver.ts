import { parseId } from "@ssj/shared";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Finding } from "../inspections/finding.entity.js";
import { seesVisitBooks } from "../inspections/visit-access.js";
import { Visit } from "../visits/visit.entity.js";
import { HandlingKind, ReferralState } from "./handling-kind.js";
import { HandlingDecision } from "./handling.entity.js";
import { HandlingInput } from "./handling.inputs.js";
import { recordFollowUp, recordHandling } from "./handling.service.js";
import { ReferralRef } from "./referral-ref.js";

@Resolver(() => HandlingDecision)
export class HandlingResolver {
  @Mutation(() => HandlingDecision, {
    description: "对发现问题的事项作出处置决定（该部门的执法人员或管理员）/ decide how a problem finding is handled",
  })
  async recordHandling(@Arg("input", () => HandlingInput) input: HandlingInput, @Ctx() ctx: CountyContext) {
    const decision = await recordHandling(ctx.em, ctx, { ...input, visitId: parseId(input.visitId, "visitId") });
    if (decision.kind === HandlingKind.REFERRAL) ctx.referralDelivery?.kick();
    return decision;
  }

  @Mutation(() => HandlingDecision, { description: "记录整改复查结果（当场处理的决定）/ record the follow-up of an on-site order" })
  recordRectificationFollowUp(
    @Arg("handlingId", () => ID) handlingId: string,
    @Arg("result", () => String, { description: "复查结果 / what the follow-up found" }) result: string,
    @Ctx() ctx: CountyContext,
  ) {
    return recordFollowUp(ctx.em, ctx, parseId(handlingId, "handlingId"), result);
  }

  @FieldResolver(() => ReferralRef, {
    nullable: true,
    description: "移送在接收部门账本中的记录（送达后）/ the referral in the receiving department's books, once delivered",
  })
  referral(@Root() d: HandlingDecision): ReferralRef | null {
    if (d.kind !== HandlingKind.REFERRAL || d.referralState === ReferralState.PENDING_DELIVERY) return null;
    return { department: d.referredTo!, id: String(d.id) };
  }
}

@Resolver(() => Finding)
export class FindingHandlingResolver {
  @FieldResolver(() => HandlingDecision, { nullable: true, description: "处置决定（不对公众公开）/ the handling decision" })
  async handling(@Root() finding: Finding, @Ctx() ctx: CountyContext) {
    const visit = await ctx.em.findOne(Visit, { id: finding.visitId });
    if (!visit || !seesVisitBooks(ctx.identity, visit, ctx.oversees)) return null;
    return ctx.em.findOne(HandlingDecision, { findingId: finding.id });
  }
}
