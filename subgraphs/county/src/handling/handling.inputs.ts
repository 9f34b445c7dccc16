import { Field, ID, InputType } from "type-graphql";
import { HandlingKind } from "./handling-kind.js";

@InputType({ description: "问题处置决定（各方式填写各自的项）/ a handling decision; each kind fills its own fields" })
export class HandlingInput {
  @Field(() => ID, { description: "检查编号 / visit id" }) visitId!: string;
  @Field(() => String, { description: "事项所属部门 / the matter's department" }) department!: string;
  @Field(() => ID, { description: "事项版本标识（Matter.id）/ the matter's id" }) matterId!: string;
  @Field(() => HandlingKind, { description: "处置方式 / kind" }) kind!: HandlingKind;
  @Field(() => String, { nullable: true, description: "当场处理：责令改正的内容 / ON_SITE: what was ordered" })
  orderedAction?: string | null;
  @Field(() => String, { nullable: true, description: "当场处理：整改期限 YYYY-MM-DD / ON_SITE: rectification deadline" })
  rectificationDeadline?: string | null;
  @Field(() => String, { nullable: true, description: "立案：立案编号 / CASE: case number" }) caseNumber?: string | null;
  @Field(() => String, { nullable: true, description: "立案：立案日期 YYYY-MM-DD / CASE: date" }) caseDate?: string | null;
  @Field(() => String, { nullable: true, description: "移送：接收部门编码 / REFERRAL: receiving department" }) referredTo?: string | null;
  @Field(() => String, { nullable: true, description: "移送司法：接收机关（必填）/ JUDICIAL: receiving organ" })
  receivingOrgan?: string | null;
  @Field(() => String, { nullable: true, description: "移送司法：移送日期 YYYY-MM-DD / JUDICIAL: date" }) transferDate?: string | null;
  @Field(() => String, { nullable: true, description: "移送司法：移送文书编号 / JUDICIAL: document number" })
  documentNumber?: string | null;
  @Field(() => String, { nullable: true, description: "说明（移送时为移送理由，必填）/ note; the reason of a referral" })
  note?: string | null;
}
