import { connectionType, keysetPage, PageArgs, parseId, validateUscc } from "@ssj/shared";
import { Arg, Args, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { VisitConnection } from "../draws/draw.resolver.js";
import { Subject } from "../subjects/subject.type.js";
import { Visit } from "../visits/visit.entity.js";
import { liveVisits } from "../visits/visit-lists.resolver.js";
import { Finding } from "./finding.entity.js";
import { OnSiteRecord } from "./on-site.entity.js";
import { InspectionReport } from "./report.entity.js";
import { InspectionResult, resultCode, resultLabel } from "./result-codes.js";
import { ReportStatus } from "./visit-outcome.js";

@ObjectType("PublishedMatterResult", { description: "公示的事项结果 / a published result for one matter" })
export class PublishedMatterResult {
  @Field(() => String, { description: "事项编码 / matter code" }) matterCode!: string;
  @Field(() => InspectionResult, { description: "结果分类 / category" }) result!: InspectionResult;
  @Field(() => String, { description: "结果代码 / national result code" }) code!: string;
  @Field(() => String, { description: "结果名称 / label" }) label!: string;
}

/**
 * 公示的抽查结果: what the public sees of one department's published report — result codes, the
 * department, the date and the summary. No inspector, no free-text finding, no draft: the subject's
 * own (masked) data comes from the departments' records through `subject`.
 */
@ObjectType("PublishedResult", { description: "公示的抽查结果（某部门对某次检查）/ a published inspection result" })
export class PublishedResult {
  @Field(() => ID, { description: "报告编号 / report id" }) id!: string;
  @Field(() => ID, { description: "检查编号 / visit id" }) visitId!: string;
  @Field(() => ID, { nullable: true, description: "计划编号（未列入抽查计划的检查为空）/ plan id; null for an unplanned inspection" })
  planId!: string | null;
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => String, { nullable: true, description: "检查日期 / inspection date" }) date!: string | null;
  @Field(() => [PublishedMatterResult], { description: "各事项结果 / per matter" }) results!: PublishedMatterResult[];
  @Field(() => String, { description: "结果摘要（评价）/ summary" }) summary!: string;
  @Field(() => Date, { description: "公示时间 / published at" }) publishedAt!: Date;
  @Field(() => Boolean, { description: "超过 20 个工作日才公示 / published late" }) late!: boolean;
  uscc!: string;
}
const PublishedResultConnection = connectionType(PublishedResult, "PublishedResultConnection", "公示的抽查结果 / published results");

@Resolver(() => PublishedResult)
export class PublishedResultResolver {
  @Query(() => PublishedResultConnection, {
    description: "公示的抽查结果，可按市场主体或计划筛选（公开，未公示的不出现）/ published results, by subject or plan",
  })
  async publishedResults(
    @Arg("uscc", () => String, { nullable: true, description: "统一社会信用代码 / subject" }) uscc: string | null,
    @Arg("planId", () => ID, { nullable: true, description: "计划编号 / plan" }) planId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    const visitWhere: Record<string, unknown> = {};
    if (uscc) visitWhere.uscc = validateUscc(uscc);
    if (planId) visitWhere.planId = parseId(planId);
    const visitIds = Object.keys(visitWhere).length ? (await ctx.em.find(Visit, visitWhere, { fields: ["id"] })).map((v) => v.id) : null;
    const where = { status: ReportStatus.PUBLISHED, ...(visitIds ? { visitId: { $in: visitIds } } : {}) };
    return keysetPage<PublishedResult>(
      page,
      (r) => Number(r.id),
      async (after, limit) => {
        const reports = await ctx.em.find(InspectionReport, after === null ? where : { ...where, id: { $gt: after } }, {
          orderBy: { id: "asc" },
          limit,
        });
        return Promise.all(reports.map((r) => toPublished(ctx, r)));
      },
      () => ctx.em.count(InspectionReport, where),
    );
  }

  @FieldResolver(() => Subject, { description: "被检查的市场主体 / the subject" })
  subject(@Root() r: PublishedResult): Subject {
    return { uscc: r.uscc };
  }
}

async function toPublished(ctx: CountyContext, r: InspectionReport): Promise<PublishedResult> {
  const visit = await ctx.em.findOneOrFail(Visit, { id: r.visitId });
  const onSite = await ctx.em.findOne(OnSiteRecord, { visitId: r.visitId });
  const findings = await ctx.em.find(Finding, { visitId: r.visitId, department: r.department }, { orderBy: { matter: "asc" } });
  const codeOf = (matter: string) => visit.matterCodes[visit.matters.indexOf(matter)]?.split(":")[1] ?? matter;
  return {
    id: String(r.id),
    visitId: String(r.visitId),
    planId: visit.planId === null ? null : String(visit.planId),
    department: r.department,
    date: onSite?.endDate ?? null,
    results: findings.map((f) => ({
      matterCode: codeOf(f.matter),
      result: f.result,
      code: resultCode(f.result),
      label: resultLabel(f.result),
    })),
    summary: r.evaluation,
    publishedAt: r.publishedAt!,
    late: r.publishedLate,
    uscc: visit.uscc,
  };
}

/** `Subject.visits`: every visit to the subject across plans, as far as the caller may see them. */
@Resolver(() => Subject)
export class SubjectVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: "对该主体的全部检查（跨计划，按权限）/ every visit to this subject" })
  visits(@Root() subject: Subject, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    return liveVisits(ctx, () => ({ uscc: subject.uscc }), page, null);
  }
}
