import { Entity, OptionalProps, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum InspectorStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  TRANSFERRED = "TRANSFERRED",
}
registerEnumType(InspectorStatus, {
  name: "InspectorStatus",
  description: "检查人员状态 / inspector status",
  valuesConfig: {
    ACTIVE: { description: "在岗，可被抽取 / active, may be drawn" },
    SUSPENDED: { description: "暂停执法 / suspended" },
    TRANSFERRED: { description: "已调离 / transferred out" },
  },
});

/** A member of the 执法检查人员名录库. Only ACTIVE members may be drawn. */
@ObjectType("Inspector", { description: "执法检查人员 / enforcement inspector" })
@Directive('@key(fields: "department id")')
@Entity({ tableName: "inspector" })
export class Inspector {
  [OptionalProps]?: "phone" | "status" | "createdAt" | "updatedAt" | "categoryLabels";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "姓名 / name" })
  @Property({ type: "string", length: 50 })
  name!: string;

  @Property({ type: "string", length: 64, unique: true })
  certificateNo!: string;

  @Field(() => [String], {
    description: "执法类别：共享类别编码（见 enforcementCategories）/ enforcement categories, as shared codes",
  })
  @Property({ type: "json" })
  categories!: string[];

  /**
   * Free-text categories from before the shared vocabulary that matched none of it (the migration keeps them
   * here rather than losing them); labels only, never matched. Empty for every inspector added since.
   */
  @Field(() => [String], {
    description: "迁移前无法对应共享类别的原执法类别（仅作标签，不参与匹配）/ former free-text categories that matched no shared one",
  })
  @Property({ type: "json", defaultRaw: "'[]'" })
  categoryLabels: string[] = [];

  @Field(() => String, { description: "所在行政区划代码 / region code" })
  @Index()
  @Property({ type: "string", length: 12 })
  region!: string;

  @Field(() => [String], { description: "专长 / expertise tags" })
  @Property({ type: "json" })
  expertise!: string[];

  @Property({ type: "string", length: 32, nullable: true })
  phone: string | null = null;

  @Field(() => InspectorStatus, { description: "状态 / status" })
  @Index()
  @Property({ type: "string", length: 16 })
  status: InspectorStatus = InspectorStatus.ACTIVE;

  @Field(() => Date, { description: "建档时间 / created at" })
  @Property({ type: "datetime" })
  createdAt: Date = new Date();

  @Field(() => Date, { description: "最后修改时间 / updated at" })
  @Property({ type: "datetime" })
  updatedAt: Date = new Date();
}

/** History of an inspector's status: every suspension, reinstatement and transfer. */
@ObjectType("InspectorStatusChange", { description: "检查人员状态变更 / a status change" })
@Entity({ tableName: "inspector_status_change" })
export class InspectorStatusChange {
  [OptionalProps]?: "fromStatus" | "transferredTo" | "at";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  inspectorId!: number;

  @Field(() => InspectorStatus, { nullable: true, description: "原状态（新建时为空）/ from" })
  @Property({ type: "string", length: 16, nullable: true })
  fromStatus: InspectorStatus | null = null;

  @Field(() => InspectorStatus, { description: "新状态 / to" })
  @Property({ type: "string", length: 16 })
  toStatus!: InspectorStatus;

  @Field(() => String, { description: "原因 / reason" })
  @Property({ type: "text" })
  reason!: string;

  @Field(() => String, { nullable: true, description: "调往单位（调离时）/ transferred to" })
  @Property({ type: "string", length: 200, nullable: true })
  transferredTo: string | null = null;

  @Field(() => String, { description: "操作人 / who" })
  @Property({ type: "string", length: 100 })
  actor!: string;

  @Field(() => Date, { description: "时间 / when" })
  @Property({ type: "datetime" })
  at: Date = new Date();
}

/** A declared conflict (回避): the inspector must never visit this subject. */
@ObjectType("InspectorConflict", { description: "回避申报 / a declared conflict of interest" })
@Entity({ tableName: "inspector_conflict" })
export class InspectorConflict {
  [OptionalProps]?: "declaredAt" | "withdrawnAt";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  inspectorId!: number;

  @Field(() => String, { description: "须回避的市场主体统一社会信用代码 / the subject's USCC" })
  @Index()
  @Property({ type: "string", length: 18 })
  uscc!: string;

  @Field(() => String, { description: "回避原因（亲属、曾任职、本单位等）/ reason" })
  @Property({ type: "text" })
  reason!: string;

  @Field(() => Date, { description: "申报时间 / declared at" })
  @Property({ type: "datetime" })
  declaredAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: "撤销时间 / withdrawn at" })
  @Property({ type: "datetime", nullable: true })
  withdrawnAt: Date | null = null;
}
