import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { forbidden, Role, type Identity } from "../auth/identity.js";
import { AppError, ErrorCode } from "../errors.js";
import { decodeCursor, encodeCursor, keysetPage, PageArgs, PageInfo, pageSize, type Connection } from "../pagination.js";
import { AuditEvent } from "./audit-event.entity.js";
import { verifyChain } from "./audit-log.js";

/**
 * Reading the audit log (issue #16.7): auditors see every entry of a service's chains — the refusals
 * included — filtered by chain, actor, action, outcome and time, and each chain's verification. Every
 * service (the county and each department instance) answers for its own log; the gateway routes a
 * department's to its instance (`Department.auditLog`).
 */
export enum AuditOutcome {
  OK = "OK",
  REFUSED = "REFUSED",
}
registerEnumType(AuditOutcome, { name: "AuditOutcome", description: "结果：成功 OK / 被拒绝 REFUSED / outcome" });

/** The chain of requests refused for a missing or forged identity: every entry is a refusal. */
export const SECURITY_CHAIN = "security";
/** How a refused entry's payload reads (the mutation log and refused imports write `outcome` then `errors`). */
const REFUSED_MARK = '"outcome":"refused","errors":';

export function outcomeOf(e: Pick<AuditEvent, "chain" | "payload">): AuditOutcome {
  return e.chain === SECURITY_CHAIN || e.payload.includes(REFUSED_MARK) ? AuditOutcome.REFUSED : AuditOutcome.OK;
}

@InputType("AuditFilter", { description: "审计记录筛选条件（均为精确匹配）/ audit log filter, exact matches" })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: "链，如 mutations、security、draw:12 / chain" }) chain?: string | null;
  @Field(() => String, { nullable: true, description: "操作人，如 department_admin:wang@market / actor" }) actor?: string | null;
  @Field(() => String, { nullable: true, description: "动作，如 createMatter、REFUSED_UNSIGNED / action" }) action?: string | null;
  @Field(() => AuditOutcome, { nullable: true, description: "结果 / outcome" }) outcome?: AuditOutcome | null;
  @Field(() => Date, { nullable: true, description: "起始时间（含）/ from (inclusive)" }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "截止时间（不含）/ to (exclusive)" }) to?: Date | null;
}

@ObjectType("AuditEventEdge", { description: "审计记录（边）/ audit entry edge" })
@Directive("@shareable")
export class AuditEventEdge {
  @Field(() => String, { description: "游标 / cursor" }) cursor!: string;
  @Field(() => AuditEvent, { description: "节点 / node" }) node!: AuditEvent;
}

@ObjectType("AuditEventConnection", { description: "审计记录分页列表 / paginated audit entries" })
@Directive("@shareable")
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: "边 / edges" }) edges!: AuditEventEdge[];
  @Field(() => [AuditEvent], { description: "本页节点 / the nodes of this page" }) nodes!: AuditEvent[];
  @Field(() => PageInfo, { description: "分页信息 / page information" }) pageInfo!: PageInfo;
  @Field(() => Int, { description: "符合条件的总数 / total number of matching entries" }) totalCount!: number;
}

@ObjectType("AuditChain", { description: "一条哈希链及其校验结果 / one hash chain and its verification" })
@Directive("@shareable")
export class AuditChain {
  @Field(() => String, { description: "链名 / chain" }) chain!: string;
  @Field(() => Int, { description: "条数 / entries" }) length!: number;
  @Field(() => String, { nullable: true, description: "最后一条的哈希（链头）/ hash of the last entry" }) headHash!: string | null;
  @Field(() => Boolean, { description: "逐条重算哈希是否全部一致 / every hash recomputes" }) valid!: boolean;
  @Field(() => Int, { nullable: true, description: "首个不一致的序号 / first broken entry" }) brokenAt!: number | null;
}

@ObjectType("AuditChainConnection", { description: "哈希链分页列表 / paginated chains" })
@Directive("@shareable")
export class AuditChainConnection {
  @Field(() => [AuditChain], { description: "本页的链 / the chains of this page" }) nodes!: AuditChain[];
  @Field(() => PageInfo, { description: "分页信息 / page information" }) pageInfo!: PageInfo;
  @Field(() => Int, { description: "链的总数 / number of chains" }) totalCount!: number;
}

/** Only auditors read the whole log (docs/architecture.md, Trust; who may do what in the README). */
export function assertAuditor(identity: Identity): void {
  if (identity.role !== Role.AUDITOR) throw forbidden(identity, "查看审计记录");
}

function auditWhere(f: AuditFilter | null | undefined): FilterQuery<AuditEvent> {
  const and: FilterQuery<AuditEvent>[] = [];
  if (f?.chain) and.push({ chain: f.chain });
  if (f?.actor) and.push({ actor: f.actor });
  if (f?.action) and.push({ action: f.action });
  if (f?.from) and.push({ at: { $gte: f.from } });
  if (f?.to) and.push({ at: { $lt: f.to } });
  if (f?.from && f?.to && f.from >= f.to) throw new AppError(ErrorCode.BAD_USER_INPUT, "起始时间应早于截止时间", { field: "from" });
  // a fixed text written by the platform itself, never the user's: the LIKE sees no user input
  const refused: FilterQuery<AuditEvent> = { $or: [{ chain: SECURITY_CHAIN }, { payload: { $like: `%${REFUSED_MARK}%` } }] };
  if (f?.outcome === AuditOutcome.REFUSED) and.push(refused);
  if (f?.outcome === AuditOutcome.OK) and.push({ chain: { $ne: SECURITY_CHAIN } }, { $not: { payload: { $like: `%${REFUSED_MARK}%` } } });
  return and.length ? { $and: and } : {};
}

/** A page of the service's audit entries, oldest first. */
export async function auditLogPage(em: EntityManager, identity: Identity, filter: AuditFilter | null | undefined, page: PageArgs) {
  assertAuditor(identity);
  const where = auditWhere(filter);
  return keysetPage<AuditEvent>(
    page,
    (e) => e.id,
    (after, limit) =>
      em.find(AuditEvent, after === null ? where : { $and: [where, { id: { $gt: after } }] }, { orderBy: { id: "asc" }, limit }),
    () => em.count(AuditEvent, where),
  ) as Promise<Connection<AuditEvent>>;
}

/** The service's chains in name order, each recomputed from its first entry. */
export async function auditChainsPage(em: EntityManager, identity: Identity, page: PageArgs): Promise<AuditChainConnection> {
  assertAuditor(identity);
  const limit = pageSize(page.first);
  const offset = page.after ? decodeCursor(page.after) : 0;
  const conn = em.getConnection();
  const rows = (await conn.execute("select chain from audit_event group by chain order by chain limit ? offset ?", [
    limit + 1,
    offset,
  ])) as {
    chain: string;
  }[];
  const [{ n }] = (await conn.execute("select count(distinct chain) as n from audit_event")) as [{ n: number | string }];
  const nodes = await Promise.all(
    rows.slice(0, limit).map(async ({ chain }) => {
      const v = await verifyChain(em.fork(), chain);
      const head = await em.fork().findOne(AuditEvent, { chain }, { orderBy: { seq: "desc" }, fields: ["hash"] });
      return { chain, length: v.length, headHash: head?.hash ?? null, valid: v.ok, brokenAt: v.brokenAt };
    }),
  );
  return {
    nodes,
    totalCount: Number(n),
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: offset > 0,
      startCursor: nodes.length ? encodeCursor(offset) : null,
      endCursor: nodes.length ? encodeCursor(offset + nodes.length) : null,
    },
  };
}
