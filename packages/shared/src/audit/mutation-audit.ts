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
          try {
            await orm.em
              .fork()
              .transactional((tx) => appendAudit(tx, "mutations", fields.join(",") || "mutation", actorOf(identity), payload, payload));
          } catch (e) {
            console.error("audit log write failed", e);
          }
        },
      };
    },
  };
}

/** Requests refused for a missing or forged identity go to the `security` chain. */
export async function auditRefusal(orm: MikroORM, info: { path: string; reason: string; ip: string | undefined }): Promise<void> {
  try {
    await orm.em.fork().transactional((tx) => appendAudit(tx, "security", "REFUSED_UNSIGNED", `unknown@${info.ip ?? "?"}`, info, info));
  } catch (e) {
    console.error("audit log write failed", e);
  }
}
