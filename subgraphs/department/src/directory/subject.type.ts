import { Directive, Field, ObjectType } from "type-graphql";

/**
 * A market subject as the whole federation sees it, keyed by its USCC alone. Every department
 * instance can resolve it: the gateway fans a `Subject` fetch out to all departments and merges
 * their `records`, so one query shows every department's supervision record of the subject.
 * (`records` is composed as a member of its own, subject-records-view.ts: were it in the member that
 * answers `SupervisionRecord.subject`, the query planner would resolve it inside that one department's
 * fetch, never fanning out.)
 */
@ObjectType("Subject", { description: "市场主体（跨部门）/ a market subject across departments" })
@Directive('@key(fields: "uscc")')
export class Subject {
  @Field(() => String, { description: "统一社会信用代码 / unified social credit code" })
  uscc!: string;
}
