import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum PlanKind {
  DEPARTMENT = "DEPARTMENT",
  JOINT = "JOINT",
}
registerEnumType(PlanKind, {
  name: "PlanKind",
  description: "计划类型：部门计划 DEPARTMENT / 联合抽查计划 JOINT（发起部门 + 配合部门）/ plan kind",
});

export enum PlanStatus {
  ACTIVE = "ACTIVE",
  CANCELLED = "CANCELLED",
}
registerEnumType(PlanStatus, {
  name: "PlanStatus",
  description: "计划状态 / plan state",
  valuesConfig: {
    ACTIVE: { description: "有效 / in force" },
    CANCELLED: { description: "已撤销（仍可查看，附理由）/ cancelled, stays visible with its reason" },
  },
});

/** Whose inspections a plan's cooldown recognises (docs/rules.md, 互认). */
export enum CooldownScope {
  PARTICIPANTS = "PARTICIPANTS",
  ALL_DEPARTMENTS = "ALL_DEPARTMENTS",
}
registerEnumType(CooldownScope, {
  name: "CooldownScope",
  description: "回避期互认范围 / whose inspections count for a plan's cooldown",
  valuesConfig: {
    PARTICIPANTS: { description: "参与计划的部门及其上下级部门 / the plan's departments and their upper/lower-level units" },
    ALL_DEPARTMENTS: { description: "任一部门 / any department" },
  },
});

export enum Disclosure {
  IMMEDIATE = "IMMEDIATE",
  AFTER_WINDOW = "AFTER_WINDOW",
}
registerEnumType(Disclosure, {
  name: "Disclosure",
  description: "摇号记录何时全文公开 / when a draw's full record is published",
  valuesConfig: {
    IMMEDIATE: { description: "公开摇号时即公开全文 / with the draw" },
    AFTER_WINDOW: {
      description:
        "公开摇号时只公布摘要、种子、数量和全文的 SHA-256；实施期结束或全部检查完毕后公开全文 / digests, seed, counts and the record's SHA-256 first; the full record when the window ends or every visit is inspected",
    },
  },
});

/** The matter version a plan uses, copied from the department when the plan is made. */
export interface PlanMatterSnapshot {
  department: string;
  matterId: number;
  code: string;
  version: number;
  name: string;
  matterClass: "KEY" | "GENERAL";
  qualifications: string[];
  expertRequired: boolean;
  appliesTo: string[];
  /**
   * The matter's own statutory report deadline in working days, or null for the default 3. Absent in plans
   * made before it existed (read as null). See inspections/report-deadline.ts.
   */
  reportDeadlineWorkingDays?: number | null;
  /** The matter's published default ratio (plans made before it was kept have none). */
  defaultRatio?: number;
  /** The department's own label of the category (free text that named no shared category keeps living here). */
  categoryLabel?: string | null;
  /** 每年抽查次数 the matter's version asks for (plans made before it was kept have none). */
  yearlyFrequency?: number;
}

/** Ratio per stratum: FLAGGED (any §6 flag), D, C, B, A. */
export type StratumRatios = Record<"FLAGGED" | "D" | "C" | "B" | "A", number>;

/** What the plan's answer says about its ratios (see plan.rules.ts). */
export interface RatioNotes {
  flaggedDefaulted: boolean;
  zeroReasons: Partial<Record<keyof StratumRatios, string>>;
}

/**
 * 抽查计划: a department plan (one department) or a joint plan (lead + cooperating departments).
 * The matters are frozen by version, so every draw of the plan says exactly what it checked.
 */
@ObjectType("Plan", { description: "抽查计划 / inspection plan" })
@Entity({ tableName: "plan" })
export class Plan {
  [OptionalProps]?:
    | "createdAt"
    | "wholeSystem"
    | "cooldownScope"
    | "cap"
    | "workloadCap"
    | "cooldownDays"
    | "status"
    | "eligibleRegions"
    | "ratioNotes"
    | "updatedAt"
    | "updatedBy"
    | "cancelledAt"
    | "cancelledBy"
    | "cancelReason"
    | "disclosure";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "计划名称 / name" })
  @Property({ type: "string", length: 200 })
  name!: string;

  @Field(() => PlanKind, { description: "计划类型 / kind" })
  @Property({ type: "string", length: 16 })
  kind!: PlanKind;

  @Field(() => String, { description: "发起部门编码 / lead department" })
  @Index()
  @Property({ type: "string", length: 32 })
  leadDepartment!: string;

  /** Lead first, then the cooperating departments. */
  @Field(() => [String], { description: "参与部门编码（发起部门在前）/ participating departments, lead first" })
  @Property({ type: "json" })
  departments!: string[];

  /** `|market|health|`, to find a department's plans with one LIKE. */
  @Index()
  @Property({ type: "string", length: 1000 })
  departmentsKey!: string;

  @Property({ type: "json" })
  matters!: PlanMatterSnapshot[];

  @Property({ type: "json" })
  scopeRegions!: string[];

  @Property({ type: "json" })
  scopeCategories!: string[];

  @Property({ type: "json" })
  scopeSupervisionTypes!: string[];

  @Property({ type: "json" })
  ratios!: StratumRatios;

  @Property({ type: "json", nullable: true })
  ratioNotes: RatioNotes | null = null;

  /** Region prefixes assigned inspectors must be posted in; null: the participating departments' regions. */
  @Property({ type: "json", nullable: true })
  eligibleRegions: string[] | null = null;

  @Field(() => PlanStatus, { description: "计划状态 / state" })
  @Property({ type: "string", length: 16 })
  status: PlanStatus = PlanStatus.ACTIVE;

  @Field(() => String, { description: "实施期开始 YYYY-MM-DD / window start" })
  @Property({ type: "string", length: 10 })
  windowStart!: string;

  @Field(() => String, { description: "实施期结束 YYYY-MM-DD / window end" })
  @Property({ type: "string", length: 10 })
  windowEnd!: string;

  @Field(() => Int, { nullable: true, description: "检查户次上限 / cap on visits" })
  @Property({ type: "integer", nullable: true })
  cap: number | null = null;

  @Field(() => Int, { description: "每户最少执法人员数（≥2）/ minimum inspectors per visit" })
  @Property({ type: "integer" })
  minInspectors!: number;

  @Field(() => Int, { nullable: true, description: "每名人员本次最多检查户数 / per-inspector workload cap" })
  @Property({ type: "integer", nullable: true })
  workloadCap: number | null = null;

  @Field(() => Boolean, { description: "允许跨区域借调下级部门人员 / may borrow inspectors from lower-level departments" })
  @Property({ type: "boolean" })
  allowBorrowing!: boolean;

  /** 全系统计划 (跨层级协同, docs/rules.md): the pool spans the participants' lower-level units' directories. */
  @Field(() => Boolean, {
    description:
      "全系统计划：抽查对象库包含参与部门下级单位名录中的主体，并可借调下级人员 / whole-system plan: the pool spans the lower-level units' directories",
  })
  @Property({ type: "boolean", default: false })
  wholeSystem: boolean = false;

  @Field(() => Int, { nullable: true, description: "近期已检查主体的回避期（天）/ days within which a checked subject is left out" })
  @Property({ type: "integer", nullable: true })
  cooldownDays: number | null = null;

  /** Whose results count for the cooldown (docs/rules.md, 互认). */
  @Field(() => CooldownScope, { description: "回避期互认范围 / whose inspections count for the cooldown" })
  @Property({ type: "string", length: 16 })
  cooldownScope: CooldownScope = CooldownScope.PARTICIPANTS;

  /** Why a choice per plan: publishing who will be visited before the visits can forewarn them (docs/draw-record.md). */
  @Field(() => Disclosure, { description: "摇号记录公开方式 / when the full draw record is published" })
  @Property({ type: "string", length: 16 })
  disclosure: Disclosure = Disclosure.IMMEDIATE;

  @Field(() => String, { description: "创建人 / created by" })
  @Property({ type: "string", length: 100 })
  createdBy!: string;

  @Field(() => Date, { description: "创建时间 / created at" })
  @Property({ type: "datetime" })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: "最近修改时间 / last corrected at" })
  @Property({ type: "datetime", nullable: true })
  updatedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "最近修改人 / last corrected by" })
  @Property({ type: "string", length: 100, nullable: true })
  updatedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: "撤销时间 / cancelled at" })
  @Property({ type: "datetime", nullable: true })
  cancelledAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "撤销人 / cancelled by" })
  @Property({ type: "string", length: 100, nullable: true })
  cancelledBy: string | null = null;

  @Field(() => String, { nullable: true, description: "撤销理由 / why it was cancelled" })
  @Property({ type: "text", nullable: true })
  cancelReason: string | null = null;
}
