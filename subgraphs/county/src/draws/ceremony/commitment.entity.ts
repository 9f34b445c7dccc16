import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";

/**
 * 承诺值: a department's SHA-256 of a value it keeps secret until the public draw. Made before the
 * freeze, so no department can choose its value knowing the pools; revealed at the ceremony, where
 * the value must hash to the commitment (FORMAT.md §2.2).
 */
@ObjectType("CeremonyCommitment", { description: "部门对现场随机值的事先承诺（SHA-256）/ a department's commitment to its ceremony value" })
@Entity({ tableName: "ceremony_commitment" })
@Unique({ properties: ["drawId", "department"] })
export class CeremonyCommitment {
  [OptionalProps]?: "committedAt" | "revealedAt";

  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  drawId!: number;

  @Field(() => String, { description: "承诺部门编码 / committing department" })
  @Property({ type: "string", length: 32 })
  department!: string;

  @Field(() => String, { description: "承诺值的 SHA-256（十六进制小写）/ SHA-256 hex of the value" })
  @Property({ type: "string", length: 64 })
  sha256!: string;

  @Field(() => String, { description: "提交人 / committed by" })
  @Property({ type: "string", length: 100 })
  committedBy!: string;

  @Field(() => Date, { description: "提交时间 / committed at" })
  @Property({ type: "datetime" })
  committedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: "揭示时间（现场录入并核对一致）/ revealed at the ceremony" })
  @Property({ type: "datetime", nullable: true })
  revealedAt: Date | null = null;
}
