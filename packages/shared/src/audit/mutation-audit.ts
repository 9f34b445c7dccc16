import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { EventSubscriber, MikroORM, TransactionEventArgs } from "@mikro-orm/core";
import { Kind, type GraphQLFieldResolver, type OperationDefinitionNode } from "graphql";
import { AsyncLocalStorage } from "node:async_hooks";
import { actorOf, type Identity } from "../auth/identity.js";
import { AppError, ErrorCode } from "../errors.js";
import { appendAudit, appendAuditOnCommit } from "./audit-log.js";

/** Values longer than this are cut in the log (a CSV in a variable must not bloat it). */
const MAX_VALUE = 500;
const trimValues = (v: unknown): unknown =>
  typeof v === "string"
    ? v.length > MAX_VALUE
      ? `${v.slice(0, MAX_VALUE)}…(${v.length})`
      : v
    : Array.isArray(v)
      ? v.slice(0, 50).map(trimValues)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimValues(x)]))
        : v;

/** One mutation request as the log sees it. */
interface AuditedRequest {
  orm: MikroORM;
  identity: Identity;
  operation: string | null;
  variables: unknown;
  /** Entries written inside committing transactions (one per committed change). */
  committed: number;
}

/** The root mutation field running in this async context. */
interface AuditedField {
  request: AuditedRequest;
  field: string;
}

const requests = new WeakMap<object, AuditedRequest>();
const running = new AsyncLocalStorage<AuditedField>();

const payloadOf = (r: AuditedRequest, fields: string[], errors: string[]) => ({
  operation: r.operation,
  fields,
  variables: trimValues(r.variables ?? {}),
  role: r.identity.role,
  department: r.identity.department ?? null,
  outcome: errors.length ? "refused" : "ok",
  errors,
});

/**
 * Wraps a root mutation field's resolver so that every transaction committing while it runs knows
 * which request and field it belongs to (see `MutationAuditSubscriber`). Applied to every
 * `Mutation` field by `buildFederatedSchema`.
 */
export function auditedMutationField<S, C extends object>(resolve: GraphQLFieldResolver<S, C>): GraphQLFieldResolver<S, C> {
  return (source, args, context, info) => {
    const request = requests.get(context);
    if (!request) return resolve(source, args, context, info);
    return running.run({ request, field: info.fieldName }, () => resolve(source, args, context, info));
  };
}

/**
 * Writes the `mutations` entry of a change into the transaction that makes the change, just before
 * it commits: entry and change commit together, and when the entry cannot be written the
 * transaction fails and the change with it (AUDIT_WRITE_FAILED). See docs/deployment.md ("Audit log").
 */
class MutationAuditSubscriber implements EventSubscriber {
  constructor(private readonly orm: MikroORM) {}

  async beforeTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const f = running.getStore();
    if (!f || f.request.orm !== this.orm || !args.transaction) return;
    const r = f.request;
    try {
      await appendAuditOnCommit(args.em, args.transaction, "mutations", f.field, actorOf(r.identity), payloadOf(r, [f.field], []));
    } catch (e) {
      console.error(`audit log write failed (chain mutations, ${f.field}): the change is rolled back`, e);
      throw new AppError(ErrorCode.AUDIT_WRITE_FAILED, "操作日志写入失败，本次操作未生效，请稍后重试");
    }
    r.committed++;
  }
}

/**
 * Writes one entry in its own transaction (a refusal, or a request that changed nothing). Writers of
 * a chain are serialised (see `appendAudit`), so a failure here is the database itself (a lost
 * connection, a busy SQLite file): tried three times before it is given up and logged.
 */
async function appendWithRetry(orm: MikroORM, chain: string, action: string, actor: string, payload: unknown): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await orm.em.fork().transactional((tx) => appendAudit(tx, chain, action, actor, payload, payload));
      return;
    } catch (e) {
      if (attempt >= 3) {
        console.error(`audit log write failed (chain ${chain}, ${attempt} attempts)`, e);
        return;
      }
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

/**
 * Every mutation — allowed or refused — goes into the service's append-only, hash-chained log
 * (chain `mutations`): who, role, department, when, which fields with which arguments, and the outcome.
 * A committed change has its entry in its own transaction (above); a request that committed nothing
 * or answered errors gets one more entry, in a transaction of its own, after it ran.
 */
export function mutationAuditPlugin<C extends BaseContext & { identity: Identity }>(orm: MikroORM): ApolloServerPlugin<C> {
  orm.em.getEventManager().registerSubscriber(new MutationAuditSubscriber(orm));
  return {
    async requestDidStart({ contextValue, request }) {
      const audited: AuditedRequest = {
        orm,
        identity: contextValue.identity,
        operation: request.operationName ?? null,
        variables: request.variables,
        committed: 0,
      };
      requests.set(contextValue, audited);
      return {
        async willSendResponse({ operation, response }) {
          if (!operation || operation.operation !== "mutation") return;
          const body = response.body.kind === "single" ? response.body.singleResult : null;
          const errors = body?.errors?.map((e) => String(e.extensions?.code ?? "ERROR")) ?? [];
          if (audited.committed > 0 && !errors.length) return;
          const fields = (operation as OperationDefinitionNode).selectionSet.selections
            .filter((s) => s.kind === Kind.FIELD)
            .map((s) => (s.kind === Kind.FIELD ? s.name.value : ""));
          // Awaited before the answer is sent: a client never sees a mutation's answer before its entry is written.
          await appendWithRetry(
            orm,
            "mutations",
            fields.join(",") || "mutation",
            actorOf(audited.identity),
            payloadOf(audited, fields, errors),
          );
        },
      };
    },
  };
}

/** Requests refused for a missing or forged identity go to the `security` chain. */
export async function auditRefusal(orm: MikroORM, info: { path: string; reason: string; ip: string | undefined }): Promise<void> {
  await appendWithRetry(orm, "security", "REFUSED_UNSIGNED", `unknown@${info.ip ?? "?"}`, info);
}
