import { Field, Float, ID, InputType, Int } from "type-graphql";
import { CooldownScope, Disclosure } from "./plan.entity.js";

@InputType({ description: "计划中的一项事项（按版本）/ a matter of the plan, by version" })
export class PlanMatterInput {
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => ID, { description: "事项版本标识（Matter.id）/ the matter version's id" }) matterId!: string;
}

@InputType({ description: "抽查范围 / scope" })
export class PlanScopeInput {
  @Field(() => [String], { defaultValue: [], description: "行政区划代码（前缀匹配；空为全部）/ regions" }) regions!: string[];
  @Field(() => [String], { defaultValue: [], description: "行业类别（空为全部）/ business categories" }) categories!: string[];
  @Field(() => [String], { defaultValue: [], description: "监管类型（空为全部）/ supervision types" }) supervisionTypes!: string[];
}

@InputType({ description: "某层免抽的理由 / why a stratum is not sampled" })
export class ZeroRatioReasonInput {
  @Field(() => String, { description: "抽样层 FLAGGED/D/C/B/A / stratum" }) stratum!: string;
  @Field(() => String, { description: "理由 / reason" }) reason!: string;
}

@InputType({ description: "各抽样层的抽查比例 [0, 1] / ratio per stratum" })
export class StratumRatiosInput {
  @Field(() => Float, {
    nullable: true,
    description:
      "FLAGGED（经营异常、失信、严重违法失信、重点领域）：不得低于其他任何一层；缺省取其余各层的最高比例，并在计划的 ratios 中标明 defaulted / " +
      "never below another stratum; when omitted, the highest of the others (shown as defaulted)",
  })
  FLAGGED?: number | null;
  @Field(() => Float, { nullable: true, description: "D 类 / class D（缺省取计划事项的默认比例）/ default: the matters' default ratio" })
  D?: number | null;
  @Field(() => Float, { nullable: true, description: "C 类 / class C（缺省取计划事项的默认比例）/ default: the matters' default ratio" })
  C?: number | null;
  @Field(() => Float, { nullable: true, description: "B 类 / class B（缺省取计划事项的默认比例）/ default: the matters' default ratio" })
  B?: number | null;
  @Field(() => Float, { nullable: true, description: "A 类 / class A（缺省取计划事项的默认比例）/ default: the matters' default ratio" })
  A?: number | null;
  @Field(() => [ZeroRatioReasonInput], {
    defaultValue: [],
    description: "比例为 0（免抽）的层须写明理由，随记录公开 / a written reason for each stratum with ratio 0, published",
  })
  zeroReasons!: ZeroRatioReasonInput[];
}

@InputType({ description: "新建抽查计划 / a new plan" })
export class PlanInput {
  @Field(() => String, { description: "计划名称 / name" }) name!: string;
  @Field(() => String, { description: "发起部门（部门计划即本部门）/ lead department" }) leadDepartment!: string;
  @Field(() => [String], { defaultValue: [], description: "配合部门（联合抽查）/ cooperating departments" })
  cooperatingDepartments!: string[];
  @Field(() => [PlanMatterInput], { description: "抽查事项 / matters" }) matters!: PlanMatterInput[];
  @Field(() => PlanScopeInput, { nullable: true, description: "抽查范围 / scope" }) scope?: PlanScopeInput | null;
  @Field(() => StratumRatiosInput, {
    nullable: true,
    description:
      "各层比例；缺省的层取计划事项默认比例的最大值 / ratios; an omitted stratum takes the highest default ratio of the plan's matters",
  })
  ratios?: StratumRatiosInput | null;
  @Field(() => String, { description: "实施期开始 YYYY-MM-DD / window start" }) windowStart!: string;
  @Field(() => String, { description: "实施期结束 YYYY-MM-DD / window end" }) windowEnd!: string;
  @Field(() => Int, {
    nullable: true,
    description: "检查户次上限：只是上限，候选不足时按比例抽取 / a ceiling on visits; a smaller pool simply draws by the ratios",
  })
  cap?: number | null;
  @Field(() => Int, { defaultValue: 2, description: "每户最少执法人员数（≥2）/ minimum inspectors per visit" }) minInspectors!: number;
  @Field(() => Int, { nullable: true, description: "每名人员最多检查户数 / workload cap" }) workloadCap?: number | null;
  @Field(() => Boolean, { defaultValue: false, description: "允许借调下级部门人员 / allow borrowing" }) allowBorrowing!: boolean;
  @Field(() => Boolean, {
    defaultValue: false,
    description: "全系统计划：对象库含下级单位名录主体，人员可借调下级 / whole-system plan over the lower-level units' directories",
  })
  wholeSystem!: boolean;
  @Field(() => Int, { nullable: true, description: "近期已查主体回避期（天）/ cooldown in days" }) cooldownDays?: number | null;
  @Field(() => CooldownScope, {
    defaultValue: CooldownScope.PARTICIPANTS,
    description: "回避期互认谁的检查结果（默认参与部门及其上下级）/ whose inspections count for the cooldown",
  })
  cooldownScope!: CooldownScope;
  @Field(() => [String], {
    nullable: true,
    description:
      "可参与的执法人员所在区划（代码前缀，如 512021）；缺省为各参与部门的辖区 / where assigned inspectors must be posted (region prefixes); default: the departments' own regions",
  })
  eligibleRegions?: string[] | null;
  @Field(() => Disclosure, {
    defaultValue: Disclosure.IMMEDIATE,
    description: "摇号记录公开方式（AFTER_WINDOW：实施期结束或全部检查完毕后公开全文）/ when the full draw record is published",
  })
  disclosure!: Disclosure;
}
