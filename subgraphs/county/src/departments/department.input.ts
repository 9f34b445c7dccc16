import { Field, InputType } from "type-graphql";
import { DepartmentKind, DepartmentLevel } from "./department.entity.js";

@InputType({ description: "登记部门 / register a department" })
export class RegisterDepartmentInput {
  @Field(() => String, { description: "部门编码（小写字母开头，字母数字连字符）/ code" }) code!: string;
  @Field(() => String, { description: "部门名称 / name" }) name!: string;
  @Field(() => DepartmentKind, { description: "部门类型 / kind" }) kind!: DepartmentKind;
  @Field(() => String, { description: "所辖行政区划代码 / region" }) region!: string;
  @Field(() => DepartmentLevel, { description: "层级 / level" }) level!: DepartmentLevel;
  @Field(() => String, { nullable: true, description: "上级部门编码 / parent department" }) parentCode?: string | null;
  @Field(() => String, { description: "子图实例地址，如 http://127.0.0.1:4101/graphql / instance URL" }) url!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "实例的公钥集（JWKS，JSON）；不填则读取实例的 /.well-known/jwks.json / the instance's public key set (default: read from the instance)",
  })
  publicKeys?: string | null;
}

@InputType({ description: "修改部门登记信息 / update a registration" })
export class UpdateDepartmentInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => DepartmentKind, { nullable: true }) kind?: DepartmentKind | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => DepartmentLevel, { nullable: true }) level?: DepartmentLevel | null;
  @Field(() => String, { nullable: true }) parentCode?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}
