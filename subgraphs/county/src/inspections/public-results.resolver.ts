import { raw } from "@mikro-orm/core";
import { connectionType, containsPattern, keysetPage, PageArgs, parseId, validateUscc } from "@ssj/shared";
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
  @Field(() => String, {
    nullable: true,
    description:
      "被检查主体的名称（抽取时名录中的名称；公示结果本身公开）；早于该快照的检查为空 / the subject's name when drawn; null for visits older than the snapshot",
  })
  subjectName!: string | null;
  uscc!: string;
}
const PublishedResultConnection = connectionType(PublishedResult, "PublishedResultConnection", "公示的抽查结果 / published results");

@Resolver(() => PublishedResult)
export class PublishedResultResolver {
  @Query(() => PublishedResultConnection, {
    description:
      "公示的抽查结果，可按市场主体（信用代码或名称）或计划筛选（公开，未公示的不出现）/ published results, by subject (USCC or name) or plan",
  })
  async publishedResults(
    @Arg("uscc", () => String, { nullable: true, description: "统一社会信用代码 / subject" }) uscc: string | null,
    @Arg("planId", () => ID, { nullable: true, description: "计划编号 / plan" }) planId: string | null,
    @Arg("name", () => String, {
      nullable: true,
      description: "主体名称包含的文字（抽取时的名称；% 和 _ 按字面匹配）/ text the subject's name contains, matched literally",
    })
    name: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    const visitWhere: Record<string, unknown> = {};
    if (uscc) visitWhere.uscc = validateUscc(uscc);
    if (planId) visitWhere.planId = parseId(planId);
    const visitIds = Object.keys(visitWhere).length ? (await ctx.em.find(Visit, visitWhere, { fields: ["id"] })).map((v) => v.id) : null;
    const pattern = name == null ? null : containsPattern(name, "name", "名称");
    // built afresh for each statement: a raw fragment is spent by the query that uses it
    const where = () => ({
      status: ReportStatus.PUBLISHED,
      ...(visitIds ? { visitId: { $in: visitIds } } : {}),
      ...(pattern ? byName(pattern) : {}),
    });
    return keysetPage<PublishedResult>(
      page,
      (r) => Number(r.id),
      async (after, limit) => {
        const reports = await ctx.em.find(InspectionReport, after === null ? where() : { ...where(), id: { $gt: after } }, {
          orderBy: { id: "asc" },
          limit,
        });
        return Promise.all(reports.map((r) => toPublished(ctx, r)));
      },
      () => ctx.em.count(InspectionReport, where()),
    );
  }

  @FieldResolver(() => Subject, { description: "被检查的市场主体 / the subject" })
  subject(@Root() r: PublishedResult): Subject {
    return { uscc: r.uscc };
  }
}

/**
 * Reports on visits whose name snapshot matches the escaped pattern (`containsPattern`), as a subquery: a common word (餐饮) may match more
 * visits than a list of ids could carry. An infix LIKE uses no B-tree index, so `subject_name` has none; the
 * scan is over the county's visits, tens of thousands a year (docs/inspection.md, "Published results").
 */
function byName(pattern: string): Record<string, unknown> {
  return {
    [raw(
      (alias: string) => `${alias ? `${alias}.` : ""}visit_id in (select v.id from visit v where v.subject_name like ? escape '\\')`,
      [pattern],
    )]: [],
  };
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
    subjectName: visit.subjectName,
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
