import { Entity, OptionalProps, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum MatterClass {
  KEY = "KEY",
  GENERAL = "GENERAL",
}
registerEnumType(MatterClass, {
  name: "MatterClass",
  description: "事项类别：重点 KEY / 一般 GENERAL（一般事项的抽查比例有上限）",
});

export enum MatterStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
  WITHDRAWN = "WITHDRAWN",
  SUPERSEDED = "SUPERSEDED",
}
registerEnumType(MatterStatus, {
  name: "MatterStatus",
  description: "事项状态 / matter status",
  valuesConfig: {
    DRAFT: { description: "草稿 / not yet published" },
    PUBLISHED: { description: "已公布 / published, may be drawn" },
    WITHDRAWN: { description: "已撤回 / withdrawn" },
    SUPERSEDED: { description: "已被新版本取代 / replaced by a newer version (still readable)" },
  },
});

/**
 * One version of a 随机抽查事项. Matters are versioned: an edit writes a new row with the next
 * version number and closes the previous one, so a draw can always name the exact version it used.
 * The GraphQL key is (department, id) where id names one version.
 */
@ObjectType("Matter", { description: "随机抽查事项（某一版本）/ a random-inspection matter, one version" })
@Directive('@key(fields: "department id")')
@Entity({ tableName: "matter" })
@Unique({ properties: ["code", "version"] })
export class Matter {
  [OptionalProps]?: "effectiveTo" | "changeReason" | "createdAt" | "publishedAt" | "reportDeadlineWorkingDays" | "categoryLabel";

  @Field(() => ID, { description: "版本标识 / id of this version" })
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "事项编码（各版本相同）/ matter code, stable across versions" })
  @Index()
  @Property({ type: "string", length: 64 })
  code!: string;

  @Field(() => Int, { description: "版本号 / version number, from 1" })
  @Property({ type: "integer" })
  version!: number;

  @Field(() => String, { description: "事项名称 / name" })
  @Property({ type: "string", length: 200 })
  name!: string;

  @Field(() => String, { description: "抽查子项 / sub-item" })
  @Property({ type: "string", length: 200 })
  subItem!: string;

  @Field(() => String, { description: "抽查依据 / legal basis" })
  @Property({ type: "text" })
  legalBasis!: string;

  @Field(() => String, { description: "抽查主体 / implementing body" })
  @Property({ type: "string", length: 200 })
  implementingBody!: string;

  @Field(() => String, { description: "抽查对象 / object type" })
  @Property({ type: "string", length: 200 })
  objectType!: string;

  @Field(() => String, { description: "抽查内容及要求 / content and requirements" })
  @Property({ type: "text" })
  content!: string;

  @Field(() => MatterClass, { description: "事项类别 / class" })
  @Property({ type: "string", length: 16 })
  matterClass!: MatterClass;

  @Field(() => Float, { description: "默认抽查比例 (0, 1] / default ratio" })
  @Property({ type: "double" })
  defaultRatio!: number;

  @Field(() => Int, { description: "年度抽查频次 / inspections per year" })
  @Property({ type: "integer" })
  yearlyFrequency!: number;

  @Field(() => [String], {
    description:
      "所需执法类别的共享编码（见 enforcementCategories）：每个类别由本部门派出的检查人员中至少一人具备（见 docs/rules.md）/ " +
      "codes of the shared enforcement categories required: each held by at least one of the department's inspectors on a visit",
  })
  @Property({ type: "json" })
  qualifications!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "本部门对执法类别的称谓（仅作标签；迁移前无法对应共享类别的原文也保留于此）/ " +
      "the department's own label of the category (a label only; free text that matched no shared category before the migration)",
  })
  @Property({ type: "text", nullable: true })
  categoryLabel: string | null = null;

  @Field(() => Boolean, { description: "是否需要专家参与 / whether an expert must join" })
  @Property({ type: "boolean" })
  expertRequired!: boolean;

  @Field(() => [String], { description: "适用的监管类型 / supervision types of subjects it applies to" })
  @Property({ type: "json" })
  appliesTo!: string[];

  @Field(() => Int, {
    nullable: true,
    description:
      "法定报告期限（检查结束后的工作日数，1–60）；空则按 3 个工作日（见 docs/rules.md）/ " +
      "statutory report deadline in working days after the inspection's end; null: the default 3",
  })
  @Property({ type: "integer", nullable: true })
  reportDeadlineWorkingDays: number | null = null;

  @Field(() => MatterStatus, { description: "状态 / status" })
  @Index()
  @Property({ type: "string", length: 16 })
  status!: MatterStatus;

  @Field(() => String, { description: "生效日期 YYYY-MM-DD / effective from" })
  @Property({ type: "string", length: 10 })
  effectiveFrom!: string;

  @Field(() => String, { nullable: true, description: "失效日期 YYYY-MM-DD（不含）/ effective until (exclusive)" })
  @Property({ type: "string", length: 10, nullable: true })
  effectiveTo: string | null = null;

  @Field(() => Boolean, { description: "是否为该事项的最新版本 / whether this is the newest version" })
  @Index()
  @Property({ type: "boolean" })
  latest!: boolean;

  @Field(() => String, { nullable: true, description: "撤回或修订原因 / reason of the last change" })
  @Property({ type: "text", nullable: true })
  changeReason: string | null = null;

  @Field(() => Date, { description: "创建时间 / created at" })
  @Property({ type: "datetime" })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: "公布时间 / published at" })
  @Property({ type: "datetime", nullable: true })
  publishedAt: Date | null = null;
}
