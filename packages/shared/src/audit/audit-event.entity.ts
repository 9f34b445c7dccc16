import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { describeActor } from "../auth/identity.js";

/**
 * 全过程记录: an append-only, hash-chained log. Each event's hash covers the previous event's hash
 * and its own fields, so editing or deleting any earlier row breaks every hash after it.
 */
@ObjectType("AuditEvent", { description: "全过程记录中的一条 / one entry of the hash-chained audit log" })
@Directive("@shareable") // the county and every department instance serve their own log
@Entity({ tableName: "audit_event" })
@Unique({ properties: ["chain", "seq"] })
export class AuditEvent {
  [OptionalProps]?: "at" | "actorName" | "actorRole";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Field(() => String, { description: "所属链，如 draw:12 / the chain, e.g. draw:12" })
  @Index()
  @Property({ type: "string", length: 64 })
  chain!: string;

  @Field(() => Int, { description: "链内序号（从 1 起）/ position in the chain" })
  @Property({ type: "integer" })
  seq!: number;

  // text, not varchar: an operation with several mutation fields records all their names
  @Field(() => String, { description: "动作 / action" })
  @Property({ type: "text" })
  action!: string;

  @Field(() => String, { description: "操作人（角色:账号@部门 姓名）/ who: role:account@department name" })
  @Property({ type: "text" })
  actor!: string;

  @Field(() => String, { description: "操作人姓名（令牌未带姓名时为账号）/ the person's name, else the account" })
  get actorName(): string {
    return describeActor(this.actor).name;
  }

  @Field(() => String, { description: "操作人身份，如 县级协调员 / the person's role" })
  get actorRole(): string {
    return describeActor(this.actor).roleLabel;
  }

  @Field(() => Date, { description: "时间 / when" })
  @Property({ type: "datetime" })
  at: Date = new Date();

  @Field(() => String, { description: "内容（JSON）/ what, as JSON" })
  @Property({ type: "text" })
  payload!: string;

  @Field(() => String, { description: "操作后状态的摘要 / digest of the state after the action" })
  @Property({ type: "string", length: 64 })
  stateDigest!: string;

  @Field(() => String, { description: "上一条的哈希 / previous hash" })
  @Property({ type: "string", length: 64 })
  prevHash!: string;

  @Field(() => String, { description: "本条哈希 / this entry's hash" })
  @Property({ type: "string", length: 64 })
  hash!: string;
}
