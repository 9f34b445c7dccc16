import { connectionType } from "@ssj/shared";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RiskClassEnum } from "../directory/enums.js";
import { SupervisionRecord } from "../directory/supervision-record.entity.js";
import { Expert } from "../inspectors/expert.entity.js";
import { Inspector, InspectorStatus } from "../inspectors/inspector.entity.js";
import { Matter } from "../matters/matter.entity.js";

/**
 * The department as this subgraph sees it: the registry entry belongs to the county service; each
 * department instance adds its own books (一单两库) to it. The gateway sends a `Department` fetch to
 * the instance whose code it names.
 */
@ObjectType("Department", { description: "执法部门 / enforcement department" })
@Directive('@key(fields: "code")')
export class Department {
  @Field(() => String, { description: "部门编码 / department code" })
  code!: string;
}

@ObjectType("RiskClassCount", { description: "按风险分类统计 / count per risk class" })
export class RiskClassCount {
  @Field(() => RiskClassEnum) riskClass!: RiskClassEnum;
  @Field(() => Int) count!: number;
}

@ObjectType("InspectorStatusCount", { description: "按人员状态统计 / count per inspector status" })
export class InspectorStatusCount {
  @Field(() => InspectorStatus) status!: InspectorStatus;
  @Field(() => Int) count!: number;
}

export const MatterConnection = connectionType(Matter, "Matter", "抽查事项");
export const SupervisionRecordConnection = connectionType(SupervisionRecord, "SupervisionRecord", "监管记录");
export const InspectorConnection = connectionType(Inspector, "Inspector", "执法检查人员");
export const ExpertConnection = connectionType(Expert, "Expert", "专家");
