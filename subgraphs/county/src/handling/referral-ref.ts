import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * An incoming referral in the receiving department's own books (department subgraph). The county knows its
 * key only: the gateway sends `{ id, department }` to that department's instance, so its status, answer and
 * outcome are always read from the receiver's books, never copied.
 */
@ObjectType("Referral", { description: "移送（接收部门账本中的记录）/ a referral, as the receiving department keeps it" })
@Directive('@key(fields: "department id", resolvable: false)')
export class ReferralRef {
  @Field(() => String, { description: "接收部门编码 / receiving department" }) department!: string;
  @Field(() => ID, { description: "移送编号（处置决定编号）/ referral id" }) id!: string;
}
