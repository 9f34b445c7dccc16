import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { MikroORM } from "@mikro-orm/core";
import { Kind, type OperationDefinitionNode } from "graphql";
import { actorOf, type Identity } from "../auth/identity.js";
import { appendAudit } from "./audit-log.js";

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

/**
 * Writes one entry in its own transaction. Writers of a chain are serialised (see `appendAudit`), so a
 * failure here is the database itself (a lost connection, a busy SQLite file): tried three times
 * before it is given up and logged.
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
 */
export function mutationAuditPlugin<C extends BaseContext & { identity: Identity }>(orm: MikroORM): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, request, response }) {
          if (!operation || operation.operation !== "mutation") return;
          const body = response.body.kind === "single" ? response.body.singleResult : null;
          const errors = body?.errors?.map((e) => String(e.extensions?.code ?? "ERROR")) ?? [];
          const fields = (operation as OperationDefinitionNode).selectionSet.selections
            .filter((s) => s.kind === Kind.FIELD)
            .map((s) => (s.kind === Kind.FIELD ? s.name.value : ""));
          const identity = contextValue.identity;
          const payload = {
            operation: request.operationName ?? null,
            fields,
            variables: trimValues(request.variables ?? {}),
            role: identity.role,
            department: identity.department ?? null,
            outcome: errors.length ? "refused" : "ok",
            errors,
          };
          // Awaited before the answer is sent: a client never sees a mutation's answer before its entry is written.
          await appendWithRetry(orm, "mutations", fields.join(",") || "mutation", actorOf(identity), payload);
        },
      };
    },
  };
}

/** Requests refused for a missing or forged identity go to the `security` chain. */
export async function auditRefusal(orm: MikroORM, info: { path: string; reason: string; ip: string | undefined }): Promise<void> {
  await appendWithRetry(orm, "security", "REFUSED_UNSIGNED", `unknown@${info.ip ?? "?"}`, info);
}
