import { parseId } from "@ssj/shared";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Visit } from "../visits/visit.entity.js";
import { approveCancellation, requestCancellation } from "./cancellation.service.js";
import { Finding } from "./finding.entity.js";
import { FindingInput, StartVisitInput } from "./inspection.inputs.js";
import { closeWithoutInspection, endVisit, recordFinding, startVisit } from "./visit-life.service.js";
import { VisitOutcome } from "./visit-outcome.js";

/** The on-site part of a visit: start, findings, end or the outcomes without an inspection, cancellation. */
@Resolver(() => Visit)
export class InspectionResolver {
  @Mutation(() => Visit, { description: "开始检查（被分配的执法人员，或其部门管理员代为操作）/ start a visit" })
  startVisit(@Arg("input", () => StartVisitInput) input: StartVisitInput, @Ctx() ctx: CountyContext) {
    return startVisit(ctx.em, ctx, { ...input, visitId: parseId(input.visitId) });
  }

  @Mutation(() => Finding, { description: "录入某事项的检查结果（该事项所属部门的执法人员）/ record the finding for a matter" })
  recordFinding(@Arg("input", () => FindingInput) input: FindingInput, @Ctx() ctx: CountyContext) {
    return recordFinding(ctx.em, ctx, { ...input, visitId: parseId(input.visitId) });
  }

  @Mutation(() => Visit, { description: "结束检查（每个事项都须有结果），生成各部门报告草稿 / end the visit, drafting the reports" })
  endVisit(@Arg("visitId", () => ID) visitId: string, @Ctx() ctx: CountyContext) {
    return endVisit(ctx.em, ctx, parseId(visitId));
  }

  @Mutation(() => Visit, {
    description: "记录无法联系或不配合检查（全部事项得到该结果）/ the subject could not be reached or refused the inspection",
  })
  recordVisitOutcome(
    @Arg("visitId", () => ID) visitId: string,
    @Arg("outcome", () => VisitOutcome, { description: "UNREACHABLE 或 REFUSED" }) outcome: VisitOutcome,
    @Arg("note", () => String, { description: "情况说明 / what happened" }) note: string,
    @Ctx() ctx: CountyContext,
  ) {
    if (outcome === VisitOutcome.COMPLETED) return endVisit(ctx.em, ctx, parseId(visitId));
    return closeWithoutInspection(ctx.em, ctx, parseId(visitId), outcome, note);
  }

  @Mutation(() => Visit, { description: "申请取消检查（须写明原因，由另一人批准）/ ask to cancel a visit" })
  requestVisitCancellation(
    @Arg("visitId", () => ID) visitId: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: CountyContext,
  ) {
    return requestCancellation(ctx.em, ctx, parseId(visitId), reason);
  }

  @Mutation(() => Visit, { description: "批准取消检查（申请人以外的另一人）/ approve a cancellation (another person)" })
  approveVisitCancellation(@Arg("visitId", () => ID) visitId: string, @Ctx() ctx: CountyContext) {
    return approveCancellation(ctx.em, ctx, parseId(visitId));
  }
}
