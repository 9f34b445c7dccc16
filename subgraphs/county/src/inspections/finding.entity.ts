import { Entity, OptionalProps, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { InspectionResult } from "./result-codes.js";

/**
 * 检查结果: one per matter of a visit, in the books of the matter's department (authorised as if in its
 * own subgraph; docs/architecture.md). Recorded again while the visit is in progress replaces it; the
 * visit's chain keeps every version.
 */
@ObjectType("Finding", { description: "检查结果（每个事项一条）/ the finding for one matter" })
@Entity({ tableName: "finding" })
@Unique({ properties: ["visitId", "matter"] })
export class Finding {
  [OptionalProps]?: "recordedAt";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  visitId!: number;

  @Field(() => String, { description: "事项所属部门 / the matter's department" })
  @Property({ type: "string", length: 64 })
  department!: string;

  /** Engine matter ref, `market:12`. */
  @Property({ type: "string", length: 100 })
  matter!: string;

  @Field(() => InspectionResult, { description: "结果分类 / result category" })
  @Property({ type: "string", length: 40 })
  result!: InspectionResult;

  @Field(() => String, { description: "情况描述 / what was found" })
  @Property({ type: "text" })
  description!: string;

  @Field(() => String, { description: "录入人 / recorded by" })
  @Property({ type: "string", length: 100 })
  recordedBy!: string;

  @Field(() => Date, { description: "录入时间 / recorded at" })
  @Property({ type: "datetime" })
  recordedAt: Date = new Date();
}
