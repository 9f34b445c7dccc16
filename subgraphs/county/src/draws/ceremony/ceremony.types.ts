import { CEREMONY_KINDS } from "@ssj/draw-engine";
import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";

export enum CeremonyKind {
  LOTTERY = "LOTTERY",
  DICE = "DICE",
  DEPARTMENT_COMMITMENT = "DEPARTMENT_COMMITMENT",
  OTHER = "OTHER",
}
// the engine's list is the source of truth for the canonical text; keep the two in step
if (CEREMONY_KINDS.join() !== Object.values(CeremonyKind).join()) throw new Error("CeremonyKind differs from the engine's CEREMONY_KINDS");
registerEnumType(CeremonyKind, {
  name: "CeremonyKind",
  description: "现场随机值的类型 / kind of ceremony value",
  valuesConfig: {
    LOTTERY: { description: "彩票开奖号码（如福彩3D）/ a lottery result" },
    DICE: { description: "现场掷骰 / dice thrown at the ceremony" },
    DEPARTMENT_COMMITMENT: { description: "部门事先承诺、现场揭示的值 / a department's committed value, revealed" },
    OTHER: { description: "其他（在 source 中说明）/ other, described in source" },
  },
});

@InputType({ description: "一个现场随机值及其来源 / one ceremony value with its provenance" })
export class CeremonyValueInput {
  @Field(() => CeremonyKind, { description: "类型 / kind" }) kind!: CeremonyKind;
  @Field(() => String, {
    nullable: true,
    description: "来源，如 福彩3D；部门承诺值填该部门编码 / source, e.g. 福彩3D; for a department commitment its code",
  })
  source?: string | null;
  @Field(() => String, { nullable: true, description: "期号 / issue or period, e.g. 2027087" }) issue?: string | null;
  @Field(() => String, { nullable: true, description: "开奖或产生日期 YYYY-MM-DD / date drawn" }) date?: string | null;
  @Field(() => String, { description: "值，按原样使用（不去空格）/ the value, used exactly as entered" }) value!: string;
  @Field(() => [String], { defaultValue: [], description: "在场见证人（姓名或身份）/ witnesses present, names or roles" })
  witnesses!: string[];
}

@ObjectType("CeremonyValue", { description: "现场随机值及其来源（冻结后录入，公开）/ a ceremony value with its provenance" })
export class CeremonyValueType {
  @Field(() => CeremonyKind, { description: "类型 / kind" }) kind!: CeremonyKind;
  @Field(() => String, { nullable: true, description: "来源 / source" }) source!: string | null;
  @Field(() => String, { nullable: true, description: "期号 / issue" }) issue!: string | null;
  @Field(() => String, { nullable: true, description: "日期 / date" }) date!: string | null;
  @Field(() => String, { description: "值 / value" }) value!: string;
  @Field(() => [String], { description: "见证人 / witnesses" }) witnesses!: string[];
  @Field(() => String, {
    description: "送入种子的规范文本（FORMAT.md §2.1 ssj-ceremony/1）/ the canonical text fed to the seed",
  })
  canonicalText!: string;
}
