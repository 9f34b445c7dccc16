import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import { BREAK, visit, type DocumentNode, type FormattedExecutionResult } from "graphql";
import type { GatewayContext } from "../context.js";
import { plainDataKey } from "../subscriptions/plain-data-key.js";
import type { ResponseCache, Ticket } from "./response-cache.js";

type Data = NonNullable<FormattedExecutionResult["data"]>;

/**
 * Fields whose answer must reflect the database at the moment of the request, never one a second old:
 * `Draw.verification`, `Visit.verification` and `auditChains` exist to notice a row edited behind the
 * services' back (docs/architecture.md, docs/deployment.md "Audit log").
 */
const NEVER_CACHED = new Set(["verification", "auditChains"]);
const uncacheable = new WeakMap<DocumentNode, boolean>();

/** Whether an operation selects a field of NEVER_CACHED (remembered per parsed document, which Apollo reuses). */
function selectsUncacheable(document: DocumentNode): boolean {
  let found = uncacheable.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (!NEVER_CACHED.has(node.name.value)) return;
        found = true;
        return BREAK;
      },
    });
    uncacheable.set(document, found);
  }
  return found;
}

/**
 * Serves read-only operations from the gateway's response cache (response-cache.ts) after Apollo Server
 * has parsed, validated and priced them (the size, depth and cost limits still apply to every request),
 * and before the gateway plans and executes them. Only answers without errors are stored: a partial
 * answer (DEPARTMENT_UNAVAILABLE) is recomputed by the next request. A mutation that was executed empties the
 * cache when it ends — a load running meanwhile is not stored either (response-cache.ts) — so its caller,
 * and everyone else on this gateway, reads its effect at once.
 */
export function responseCachePlugin(cache: ResponseCache<Data>): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      if (!cache.enabled) return;
      let ticket: Ticket<Data> | undefined;
      let mutation = false;
      return {
        async executionDidStart({ operation }) {
          mutation = operation.operation === "mutation";
        },
        async responseForOperation({ operation, document, request, contextValue, queryHash }): Promise<GraphQLResponse | null> {
          if (operation?.operation !== "query" || selectsUncacheable(document)) return null;
          const identity = plainDataKey(contextValue.identity);
          const variables = plainDataKey(request.variables ?? {});
          if (identity === undefined || variables === undefined) return null;
          const key = `${identity}\n${queryHash}\n${request.operationName ?? ""}\n${variables}`;
          const found = cache.lookup(key);
          if ("load" in found) {
            ticket = found.load;
            return null;
          }
          const data = "hit" in found ? found.hit : await found.wait;
          // the request it waited for failed or was overtaken by a write: execute this one itself
          if (data === undefined) return null;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { data } } };
        },
        async willSendResponse({ response }) {
          if (mutation) cache.invalidate();
          if (!ticket) return;
          const result = response.body.kind === "single" ? response.body.singleResult : undefined;
          cache.settle(ticket, result && !result.errors?.length && result.data ? result.data : undefined);
          ticket = undefined;
        },
        async didEncounterErrors() {
          if (ticket) cache.settle(ticket, undefined);
          ticket = undefined;
        },
      };
    },
  };
}
