import { subscriptionHeaders, type SubscriptionRequest } from "@ssj/shared";
import { getOperationAST, getVariableValues, GraphQLError, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from "graphql";
import type { GatewayContext } from "../context.js";
import { asGraphQLError, type AuthorizeSubscription, type SubscriptionContextFactory } from "./auth.js";
import { planSubscription, rootField, type SubscriptionPlan } from "./documents.js";
import type { SubscriptionRoute } from "./routes.js";
import type { SharedDocuments } from "./shared-documents.js";

/**
 * What a subscribe message was prepared into: a planned subscription (its plan shared by every subscriber of
 * the same text and variables), or a query/mutation sent over the socket (run later with the request's context).
 */
export type Prepared =
  { kind: "subscription"; plan: SubscriptionPlan } | { kind: "operation"; query: string; request: SubscriptionRequest };

/** The gateway's query limits: the same validation rules as Apollo's, the parser's token cap, the message cap. */
export interface SocketLimits {
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  maxPayload: number;
}

export interface PrepareDeps {
  authorize: AuthorizeSubscription;
  makeContext: SubscriptionContextFactory;
  routes: ReadonlyMap<string, SubscriptionRoute>;
  /** Parsed, validated documents and plans shared between subscribers (built with the same limits). */
  documents: SharedDocuments;
}

export interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * Turns one subscribe message into execution arguments, or the errors the client gets instead: parsed
 * and validated against the supergraph's API schema with the gateway's limits (once per text: shared),
 * variables coerced, the subscriber's context built, the subscription planned against its route (once
 * per text and variables: shared), and `authorize` asked.
 */
export async function prepareOperation(
  deps: PrepareDeps,
  schema: GraphQLSchema,
  connection: SubscriptionRequest,
  payload: SubscribePayload,
): Promise<GraphQLError[] | { args: ExecutionArgs; item: Prepared }> {
  const checked = deps.documents.checked(schema, payload.query);
  if ("parseError" in checked) return [asGraphQLError(checked.parseError, "GRAPHQL_PARSE_FAILED")];
  if ("invalid" in checked)
    return checked.invalid.map(
      (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: e.extensions?.code ?? "GRAPHQL_VALIDATION_FAILED" } }),
    );
  const { document } = checked;
  const op = getOperationAST(document, payload.operationName);
  if (!op) return [new GraphQLError("无法确定要执行的操作 / unable to identify the operation", { extensions: { code: "BAD_USER_INPUT" } })];
  const variables = (payload.variables ?? {}) as Record<string, unknown>;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variables);
  if (coerced.errors)
    return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: "BAD_USER_INPUT" } }));

  const request: SubscriptionRequest = {
    ...connection,
    headers: subscriptionHeaders(connection.request, connection.connectionParams, payload.extensions),
  };
  let context: GatewayContext;
  try {
    context = await deps.makeContext(request);
  } catch (e) {
    return [asGraphQLError(e, "UNAUTHENTICATED")];
  }
  let field: string | null = null;
  let item: Prepared;
  try {
    if (op.operation === "subscription") {
      const fragments = new Map(document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d] as const] : [])));
      field = rootField(op, fragments, variables).name.value;
      const route = deps.routes.get(field);
      if (!route)
        return [
          new GraphQLError(`网关未配置订阅 ${field} / Subscription.${field} is not routed by the gateway`, {
            extensions: { code: "NOT_SUPPORTED" },
          }),
        ];
      const planKey = `${payload.query}\u0000${payload.operationName ?? ""}\u0000${JSON.stringify(variables)}`;
      item = { kind: "subscription", plan: deps.documents.plan(schema, planKey, () => planSubscription(document, op, route, variables)) };
    } else {
      item = { kind: "operation", query: payload.query, request };
    }
  } catch (e) {
    return [asGraphQLError(e, "BAD_USER_INPUT")];
  }
  try {
    await deps.authorize({
      phase: "subscribe",
      request,
      context,
      operation: { document, operationName: payload.operationName, variables, field },
    });
  } catch (e) {
    return [asGraphQLError(e)];
  }
  return {
    item,
    args: { schema, document, operationName: payload.operationName, variableValues: variables, contextValue: context },
  };
}
