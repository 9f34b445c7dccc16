import { parseId } from "@ssj/shared";
import { chinaDateOf } from "@ssj/working-days";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { ReportEditInput } from "./inspection.inputs.js";
import { InspectionReport } from "./report.entity.js";
import { publishReport, recordFeedback, reviewReport, submitReport, updateReport } from "./report.service.js";

const visitArg = () => Arg("visitId", () => ID, { description: "检查编号 / visit id" });
const departmentArg = () => Arg("department", () => String, { description: "部门编码 / department" });

/** Each department's report on a visit: draft, submit, review, publish, feedback to the subject. */
@Resolver(() => InspectionReport)
export class ReportResolver {
  @FieldResolver(() => Boolean, {
    description: "报告逾期：截止日期已过仍未提交，或提交晚于截止日期（看板标红）/ submitted after, or still not submitted by, the due date",
  })
  late(@Root() report: InspectionReport): boolean {
    const submitted = report.submittedAt ? chinaDateOf(report.submittedAt) : null;
    return (submitted ?? chinaDateOf(new Date())) > report.dueDate;
  }

  @Mutation(() => InspectionReport, { description: "修改报告草稿（本部门执法人员）/ edit the draft report" })
  updateReport(
    @visitArg() visitId: string,
    @departmentArg() department: string,
    @Arg("input", () => ReportEditInput) input: ReportEditInput,
    @Ctx() ctx: CountyContext,
  ) {
    return updateReport(ctx.em, ctx, parseId(visitId), department, input);
  }

  @Mutation(() => InspectionReport, { description: "提交报告 / submit the report" })
  submitReport(@visitArg() visitId: string, @departmentArg() department: string, @Ctx() ctx: CountyContext) {
    return submitReport(ctx.em, ctx, parseId(visitId), department);
  }

  @Mutation(() => InspectionReport, {
    description:
      "审定报告：通过或退回（本部门管理员或审核人员，且非报告作者）/ approve or return a report (another person of the department)",
  })
  reviewReport(
    @visitArg() visitId: string,
    @departmentArg() department: string,
    @Arg("approve", () => Boolean, { description: "true 通过，false 退回 / approve or return" }) approve: boolean,
    @Arg("reason", () => String, { nullable: true, description: "退回理由（退回时必填）/ reason, required to return" })
    reason: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    return reviewReport(ctx.em, ctx, parseId(visitId), department, approve, reason);
  }

  @Mutation(() => InspectionReport, { description: "公示审定后的检查结果 / publish a reviewed result" })
  publishReport(@visitArg() visitId: string, @departmentArg() department: string, @Ctx() ctx: CountyContext) {
    return publishReport(ctx.em, ctx, parseId(visitId), department);
  }

  @Mutation(() => InspectionReport, { description: "记录向被检查对象反馈结果的时间和方式 / record the feedback to the subject" })
  recordReportFeedback(
    @visitArg() visitId: string,
    @departmentArg() department: string,
    @Arg("deliveredAt", () => Date, { description: "送达时间 / when" }) deliveredAt: Date,
    @Arg("method", () => String, { description: "方式，如当面送达 / how" }) method: string,
    @Ctx() ctx: CountyContext,
  ) {
    return recordFeedback(ctx.em, ctx, parseId(visitId), department, deliveredAt, method);
  }
}
