import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";

export enum DepartmentKind {
  MARKET_SUPERVISION = "MARKET_SUPERVISION",
  OTHER = "OTHER",
}
registerEnumType(DepartmentKind, {
  name: "DepartmentKind",
  description: "部门类型：市场监管（随机抽查占比目标 70%）或其他部门（50%）/ kind, which sets the target share",
});

export enum DepartmentLevel {
  CITY = "CITY",
  COUNTY = "COUNTY",
}
registerEnumType(DepartmentLevel, {
  name: "DepartmentLevel",
  description: "层级：市级 CITY / 县级 COUNTY（上级可跨区域借调下级人员）/ level",
});

export enum DepartmentStatus {
  ACTIVE = "ACTIVE",
  DEREGISTERED = "DEREGISTERED",
}
registerEnumType(DepartmentStatus, { name: "DepartmentStatus", description: "登记状态 / registration status" });

/**
 * The county's department registry. It is also the gateway's shard map: each department's `url`
 * is where its instance of the department subgraph answers.
 */
@ObjectType("Department", { description: "执法部门 / enforcement department" })
@Directive('@key(fields: "code")')
@Entity({ tableName: "department" })
export class Department {
  [OptionalProps]?: "parentCode" | "status" | "registeredAt" | "updatedAt" | "deregisteredAt" | "publicKeys";

  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "部门编码，如 market、ecology / department code" })
  @Property({ type: "string", length: 32, unique: true })
  code!: string;

  @Field(() => String, { description: "部门名称 / name" })
  @Property({ type: "string", length: 100 })
  name!: string;

  @Field(() => DepartmentKind, { description: "部门类型 / kind" })
  @Property({ type: "string", length: 32 })
  kind!: DepartmentKind;

  @Field(() => String, { description: "所辖行政区划代码 / region code" })
  @Index()
  @Property({ type: "string", length: 12 })
  region!: string;

  @Field(() => DepartmentLevel, { description: "层级 / level" })
  @Property({ type: "string", length: 16 })
  level!: DepartmentLevel;

  @Field(() => String, { nullable: true, description: "上级部门编码（同一系统）/ upper-level department of the same system" })
  @Property({ type: "string", length: 32, nullable: true })
  parentCode: string | null = null;

  @Property({ type: "string", length: 500 })
  url!: string;

  /**
   * The instance's public key set as registered (a JWKS): which key this department's instance holds.
   * No service accepts it as a signer of users' identities (docs/architecture.md, Trust).
   */
  @Field(() => String, {
    nullable: true,
    description: "部门实例登记的公钥集（JWKS，JSON）；任何服务都不把它当作用户身份的签发方 / the instance's registered public key set",
  })
  @Property({ type: "text", nullable: true })
  publicKeys: string | null = null;

  @Field(() => DepartmentStatus, { description: "登记状态 / status" })
  @Property({ type: "string", length: 16 })
  status: DepartmentStatus = DepartmentStatus.ACTIVE;

  @Field(() => Date, { description: "登记时间 / registered at" })
  @Property({ type: "datetime" })
  registeredAt: Date = new Date();

  @Field(() => Date, { description: "最后修改时间 / updated at" })
  @Property({ type: "datetime" })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: "注销时间 / deregistered at" })
  @Property({ type: "datetime", nullable: true })
  deregisteredAt: Date | null = null;
}
