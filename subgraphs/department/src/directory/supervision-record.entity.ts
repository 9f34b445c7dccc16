import { Entity, OptionalProps, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { KeySectorEnum, RiskClassEnum } from "./enums.js";

/** `|a|b|`: lets both SQLite and PostgreSQL filter list columns with one LIKE. */
export function listKey(values: readonly string[]): string {
  return values.length ? `|${values.join("|")}|` : "";
}

/**
 * One department's supervision record of a market subject (市场主体名录库). The subject itself is
 * identified across departments by its USCC; each department keeps its own record of it, with its
 * own risk class. Removal is soft: the row stays, with its history.
 */
@ObjectType("SupervisionRecord", { description: "某部门对市场主体的监管记录 / one department's record of a market subject" })
@Directive('@key(fields: "department uscc")')
// also served by the `subject-records` member (subject-records-view.ts), so resolvable in both
@Directive("@shareable")
@Entity({ tableName: "supervision_record" })
export class SupervisionRecord {
  [OptionalProps]?: "createdAt" | "updatedAt" | "removedAt";

  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "统一社会信用代码 / unified social credit code" })
  @Property({ type: "string", length: 18, unique: true })
  uscc!: string;

  @Field(() => String, { description: "主体名称 / name" })
  @Property({ type: "string", length: 200 })
  name!: string;

  @Field(() => String, { description: "行业（经营）类别 / business category" })
  @Index()
  @Property({ type: "string", length: 100 })
  category!: string;

  @Field(() => String, { description: "地址 / address" })
  @Property({ type: "string", length: 300 })
  address!: string;

  @Property({ type: "string", length: 100 })
  legalRepresentative!: string;

  @Field(() => String, { description: "行政区划代码 / region code" })
  @Index()
  @Property({ type: "string", length: 12 })
  region!: string;

  @Field(() => [String], { description: "监管类型 / supervision types" })
  @Property({ type: "json" })
  supervisionTypes!: string[];

  @Property({ type: "text" })
  supervisionTypesKey!: string;

  @Index()
  @Property({ type: "string", length: 1 })
  riskClass!: RiskClassEnum;

  @Property({ type: "boolean" })
  abnormalList!: boolean;

  @Property({ type: "boolean" })
  dishonest!: boolean;

  @Property({ type: "boolean" })
  seriousViolation!: boolean;

  @Property({ type: "json" })
  keySectors!: KeySectorEnum[];

  @Property({ type: "text" })
  keySectorsKey!: string;

  @Field(() => Date, { description: "建档时间 / created at" })
  @Property({ type: "datetime" })
  createdAt: Date = new Date();

  @Field(() => Date, { description: "最后修改时间 / updated at" })
  @Property({ type: "datetime" })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: "移出名录时间（未移出为空）/ removed at" })
  @Index()
  @Property({ type: "datetime", nullable: true })
  removedAt: Date | null = null;
}
