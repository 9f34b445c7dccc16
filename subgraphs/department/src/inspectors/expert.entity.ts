import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * A third-party expert (政府购买服务) who may join a visit. Experts never count toward the two
 * enforcement inspectors a visit needs.
 */
@ObjectType("Expert", { description: "专家 / third-party expert" })
@Directive('@key(fields: "department id")')
@Entity({ tableName: "expert" })
export class Expert {
  [OptionalProps]?: "phone" | "active" | "createdAt";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "姓名 / name" })
  @Property({ type: "string", length: 50 })
  name!: string;

  @Field(() => String, { description: "所在单位 / organization" })
  @Property({ type: "string", length: 200 })
  organization!: string;

  @Field(() => [String], { description: "专业领域 / expertise" })
  @Property({ type: "json" })
  expertise!: string[];

  @Field(() => String, { description: "所在行政区划代码 / region code" })
  @Property({ type: "string", length: 12 })
  region!: string;

  @Property({ type: "string", length: 32, nullable: true })
  phone: string | null = null;

  @Field(() => Boolean, { description: "是否在库可用 / available" })
  @Property({ type: "boolean" })
  active: boolean = true;

  @Field(() => Date, { description: "建档时间 / created at" })
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
