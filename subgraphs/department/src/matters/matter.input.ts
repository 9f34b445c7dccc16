import type { MatterInput as SharedMatterInput } from "@ssj/shared";
import { Field, Float, InputType, Int } from "type-graphql";
import { MatterClass } from "./matter.entity.js";

@InputType({ description: "新建抽查事项 / a new matter" })
export class MatterInput implements SharedMatterInput {
  @Field(() => String, { description: "事项编码（本部门内唯一）/ code, unique in the department" })
  code!: string;

  @Field(() => String, { description: "事项名称 / name" })
  name!: string;

  @Field(() => String, { description: "抽查子项 / sub-item" })
  subItem!: string;

  @Field(() => String, { description: "抽查依据 / legal basis" })
  legalBasis!: string;

  @Field(() => String, { description: "抽查主体 / implementing body" })
  implementingBody!: string;

  @Field(() => String, { description: "抽查对象 / object type" })
  objectType!: string;

  @Field(() => String, { description: "抽查内容及要求 / content and requirements" })
  content!: string;

  @Field(() => MatterClass, { description: "事项类别 / class" })
  matterClass!: MatterClass;

  @Field(() => Float, { description: "默认抽查比例 (0, 1] / default ratio" })
  defaultRatio!: number;

  @Field(() => Int, { description: "年度抽查频次（≥1）/ inspections per year" })
  yearlyFrequency!: number;

  @Field(() => [String], {
    description:
      "所需执法类别：共享类别的编码或准确的中文名称（见 enforcementCategories），未知类别拒绝 UNKNOWN_CATEGORY；" +
      "每个类别由本部门派出的检查人员中至少一人具备（见 docs/rules.md）/ " +
      "required enforcement categories, as shared codes or exact Chinese names; each held by at least one of the department's inspectors on a visit",
  })
  qualifications!: string[];

  @Field(() => String, { nullable: true, description: "本部门对执法类别的称谓（仅作标签）/ the department's own label of the category" })
  categoryLabel?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "是否需要专家参与 / expert required" })
  expertRequired!: boolean;

  @Field(() => [String], { description: "适用的监管类型 / supervision types it applies to" })
  appliesTo!: string[];

  @Field(() => Int, {
    nullable: true,
    description:
      "法定报告期限：检查结束后几个工作日内报告（1–60）；不填则按 3 个工作日 / " +
      "statutory report deadline, working days after the inspection's end (1–60); omitted: 3",
  })
  reportDeadlineWorkingDays?: number | null;

  @Field(() => String, { nullable: true, description: "生效日期 YYYY-MM-DD（默认今天）/ effective from" })
  effectiveFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "失效日期 YYYY-MM-DD（不含；空为长期有效）/ effective until, exclusive; null: until revised or withdrawn",
  })
  effectiveTo?: string | null;
}

@InputType({ description: "修订抽查事项：只填要改的字段 / a revision: only the fields that change" })
export class MatterRevisionInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) subItem?: string | null;
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
  @Field(() => String, { nullable: true }) implementingBody?: string | null;
  @Field(() => String, { nullable: true }) objectType?: string | null;
  @Field(() => String, { nullable: true }) content?: string | null;
  @Field(() => MatterClass, { nullable: true }) matterClass?: MatterClass | null;
  @Field(() => Float, { nullable: true }) defaultRatio?: number | null;
  @Field(() => Int, { nullable: true }) yearlyFrequency?: number | null;
  @Field(() => [String], { nullable: true, description: "执法类别：共享编码或中文名称 / shared category codes or names" })
  qualifications?: string[] | null;
  @Field(() => String, { nullable: true, description: "本部门对执法类别的称谓 / the department's own label" })
  categoryLabel?: string | null;
  @Field(() => Boolean, { nullable: true }) expertRequired?: boolean | null;
  @Field(() => [String], { nullable: true }) appliesTo?: string[] | null;
  @Field(() => Int, {
    nullable: true,
    description: "法定报告期限（工作日，1–60）；不填沿用上一版本 / statutory report deadline; omitted: as the previous version",
  })
  reportDeadlineWorkingDays?: number | null;

  @Field(() => String, { nullable: true, description: "新版本生效日期 YYYY-MM-DD（默认今天）/ new version effective from" })
  effectiveFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "新版本失效日期 YYYY-MM-DD（不含；空为长期有效）/ new version effective until, exclusive",
  })
  effectiveTo?: string | null;

  @Field(() => String, { description: "修订原因 / reason for the revision" })
  reason!: string;
}
