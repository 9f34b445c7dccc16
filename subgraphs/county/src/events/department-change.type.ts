import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum DepartmentChangeKind {
  REGISTERED = "REGISTERED",
  UPDATED = "UPDATED",
  DEREGISTERED = "DEREGISTERED",
}
registerEnumType(DepartmentChangeKind, {
  name: "DepartmentChangeKind",
  description: "部门登记变更类型：登记、修改、注销 / what happened to a registration",
});

/** An event of the department registry, as subscribers and its query twin see it. */
@ObjectType("DepartmentChange", { description: "部门登记变更事件 / a change of the department registry" })
export class DepartmentChange {
  @Field(() => ID, { description: "事件编号（按时间排序）/ event id, sorts by time" })
  id!: string;

  @Field(() => DepartmentChangeKind, { description: "变更类型 / kind" })
  kind!: DepartmentChangeKind;

  @Field(() => Date, { description: "发生时间 / when" })
  at!: Date;

  /** The department's code; `department` resolves it. */
  code!: string;
}
