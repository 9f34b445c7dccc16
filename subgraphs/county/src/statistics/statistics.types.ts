import { Field, Float, Int, ObjectType } from "type-graphql";
import { DepartmentKind } from "../departments/department.entity.js";
import { VisitStatus } from "../visits/visit.entity.js";

@ObjectType("MatterShare", {
  description: "随机抽查事项占检查事项总数的比例与目标（市场监管 70%，其他部门 50%）/ random-inspection matter share vs its target",
})
export class MatterShare {
  @Field(() => Int, { description: "已公布的随机抽查事项数 / published random-inspection matters" }) randomMatters!: number;
  @Field(() => Int, { nullable: true, description: "部门申报的检查事项总数，未申报为空 / declared total, null if none" })
  declaredTotal!: number | null;
  @Field(() => Float, { nullable: true, description: "占比（0–1），未申报总数时为空 / share 0–1, null without a declared total" })
  share!: number | null;
  @Field(() => Float, { description: "目标占比：市场监管 0.7，其他 0.5 / target share" }) target!: number;
  @Field(() => Boolean, { nullable: true, description: "是否达到目标，未申报时为空 / target met, null without a declaration" })
  met!: boolean | null;
}

@ObjectType("VisitStatusCount", { description: "按状态统计的检查户次 / visits in one status" })
export class VisitStatusCount {
  @Field(() => VisitStatus, { description: "状态 / status" }) status!: VisitStatus;
  @Field(() => Int, { description: "户次 / visits" }) count!: number;
}

@ObjectType("PlanFigures", { description: "抽查计划完成情况 / plans and how many are completed" })
export class PlanFigures {
  @Field(() => Int, { description: "本年度有效计划数（实施期开始于本年）/ plans in force starting in the year" }) plans!: number;
  @Field(() => Int, { description: "已完成（至少一户且全部已公示或已取消）/ completed: every visit published or cancelled" })
  completed!: number;
}

@ObjectType("ReportFigures", { description: "抽查报告按时提交与按时公示 / reports on time and results published in time" })
export class ReportFigures {
  @Field(() => Int, { description: "报告数 / reports" }) reports!: number;
  @Field(() => Int, { description: "已提交 / submitted" }) submitted!: number;
  @Field(() => Int, { description: "截止日期前（含当日）提交 / submitted on or before the due date" }) submittedOnTime!: number;
  @Field(() => Int, { description: "逾期未提交 / past the due date, not submitted" }) overdue!: number;
  @Field(() => Int, { description: "已公示 / published" }) published!: number;
  @Field(() => Int, { description: "检查结束后 20 个工作日内公示 / published within 20 working days" }) publishedInTime!: number;
}

@ObjectType("ProblemCount", { description: "检查结果与发现问题数 / findings and problems found" })
export class ProblemCount {
  @Field(() => String, {
    description: "风险分层（FLAGGED/D/C/B/A，计划外检查为 UNPLANNED）或事项（部门:版本标识）/ stratum, or the matter as department:version",
  })
  key!: string;
  @Field(() => Int, { description: "检查结果条数 / findings" }) findings!: number;
  @Field(() => Int, { description: "其中发现问题的 / of which problems" }) problems!: number;
}

@ObjectType("WorkloadFigures", { description: "执法人员工作量（每人检查户次）/ visits per inspector" })
export class WorkloadFigures {
  @Field(() => Int, { description: "参与检查的执法人员数 / inspectors with at least one visit" }) inspectors!: number;
  @Field(() => Int, { description: "最少 / min" }) min!: number;
  @Field(() => Float, { description: "中位数 / median" }) median!: number;
  @Field(() => Int, { description: "最多 / max" }) max!: number;
}

@ObjectType("UnplannedFigures", { description: "计划外检查 / unplanned inspections" })
export class UnplannedFigures {
  @Field(() => Int, { description: "计划外检查数 / unplanned inspections" }) total!: number;
  @Field(() => Int, { description: "其中标记为「未列入抽查计划」/ of which flagged" }) flagged!: number;
}

@ObjectType("ReferralFigures", { description: "本部门移送与整改跟进 / referrals sent and rectifications followed up" })
export class ReferralFigures {
  @Field(() => Int, { description: "办理中（待送达、已送达、已接收）/ open" }) open!: number;
  @Field(() => Int, { description: "已办结或已退回 / closed or declined" }) closed!: number;
  @Field(() => Int, { description: "其中尚未答复（待送达、已送达未接收）/ of the open, not yet answered" }) unanswered!: number;
  @Field(() => Int, {
    description:
      "其中逾期未答复（已送达、接收部门未接收/退回/办结，且已过答复期限）/ of the unanswered, delivered and past their answer deadline (answerDue)",
  })
  overdue!: number;
  @Field(() => Int, { description: "整改期限已过仍未复查的当场处理 / on-site orders past their deadline without follow-up" })
  overdueRectifications!: number;
}

@ObjectType("DepartmentStatistics", { description: "部门年度考核指标 / one department's assessment figures for a year" })
export class DepartmentStatistics {
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => String, { description: "部门名称 / name" }) name!: string;
  @Field(() => DepartmentKind, { description: "部门类型（决定目标占比）/ kind, which sets the target" }) kind!: DepartmentKind;
  @Field(() => MatterShare, {
    nullable: true,
    description: "随机抽查事项占比；部门服务不可用时为空 / matter share, null if the department is down",
  })
  matterShare!: MatterShare | null;
  @Field(() => PlanFigures) plans!: PlanFigures;
  @Field(() => [VisitStatusCount], { description: "按状态的检查户次 / visits by status" }) visitsByStatus!: VisitStatusCount[];
  @Field(() => Int, { description: "参与的联合检查户次（进一次门查多项事）/ joint visits taken part in" }) jointVisits!: number;
  @Field(() => ReportFigures) reports!: ReportFigures;
  @Field(() => [ProblemCount], { description: "按风险分层的发现问题 / problems per stratum" }) problemsByStratum!: ProblemCount[];
  @Field(() => [ProblemCount], { description: "按事项的发现问题 / problems per matter" }) problemsByMatter!: ProblemCount[];
  @Field(() => WorkloadFigures) workload!: WorkloadFigures;
  @Field(() => UnplannedFigures) unplanned!: UnplannedFigures;
  @Field(() => ReferralFigures) referrals!: ReferralFigures;
}

@ObjectType("CountyStatistics", { description: "县级双随机、一公开考核指标 / the county's assessment figures for a year" })
export class CountyStatistics {
  @Field(() => Int, { description: "年度 / year" }) year!: number;
  @Field(() => String, { nullable: true, description: "行政区划代码（前缀），为空表示全县 / region prefix, null for the whole county" })
  region!: string | null;
  @Field(() => [DepartmentStatistics], { description: "各部门指标（按部门编码）/ per department, by code" })
  departments!: DepartmentStatistics[];
  @Field(() => Int, { description: "联合检查减少的上门次数 / door-knocks saved by joint visits" }) doorKnocksSaved!: number;
  @Field(() => String, {
    description: "逾期（报告、整改、移送答复）的计算基准日（YYYY-MM-DD，北京时间）/ the day overdue figures are measured against",
  })
  asOf!: string;
}
