import { Entity, OptionalProps, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { RecordChangeAction } from "./enums.js";

/** Append-only history of a supervision record: every add, edit, removal and import. */
@ObjectType("SupervisionRecordChange", { description: "监管记录变更历史 / one change of a supervision record" })
@Directive("@shareable") // also in the `subject-records` member (subject-records-view.ts)
@Entity({ tableName: "supervision_record_change" })
export class SupervisionRecordChange {
  [OptionalProps]?: "reason" | "at";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  recordId!: number;

  @Field(() => RecordChangeAction, { description: "变更类型 / action" })
  @Property({ type: "string", length: 16 })
  action!: RecordChangeAction;

  @Field(() => String, { description: "变更后的记录（JSON）/ the record after the change, as JSON" })
  @Property({ type: "text" })
  snapshot!: string;

  @Field(() => String, { nullable: true, description: "原因 / reason" })
  @Property({ type: "text", nullable: true })
  reason: string | null = null;

  @Field(() => String, { description: "操作人 / who" })
  @Property({ type: "string", length: 100 })
  actor!: string;

  @Field(() => Date, { description: "时间 / when" })
  @Property({ type: "datetime" })
  at: Date = new Date();
}
