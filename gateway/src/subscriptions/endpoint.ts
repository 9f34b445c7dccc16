// Size: over 300 lines (not split yet): it still holds the graphql-ws server, the per-subscriber planning, the
// shared completions and the stats. Splitting it by job is open work (docs/subscriptions.md describes the parts).
import type { ApolloServer } from "@apollo/server";
import { closeAll, subscriptionHeaders, type SubscriptionRequest } from "@ssj/shared";
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
  type DocumentNode,
  type ExecutionArgs,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Server } from "node:http";
import { WebSocketServer } from "ws";
import pLimit from "p-limit";
import type { GatewayContext } from "../context.js";
import {
  allowAll,
  asGraphQLError,
  defaultSubscriptionContext,
  type AuthorizeSubscription,
  type SubscriptionContextFactory,
} from "./auth.js";
import { planSubscription, rootField, type SubscriptionPlan } from "./documents.js";
import { endResult, EventResultStream, SubscriptionEndCode } from "./event-stream.js";
import { SUBSCRIPTION_ROUTES, type SubscriptionRoute } from "./routes.js";
import { UpstreamConnections, type UpstreamOptions } from "./upstream.js";

export interface GatewaySubscriptionOptions {
  /** Called on connect and on every subscribe; throw to refuse. Default: allow all (no auth yet). */
  authorize?: AuthorizeSubscription;
  /**
   * The context a subscription's events are completed with, built when it is subscribed. Subscribers
   * whose contexts are equal plain data share one completion per event.
   */
  context?: SubscriptionContextFactory;
  /**
   * Headers sent with each upstream subscription (in the subscribe message's `extensions.headers`; the
   * subgraph reads them as request headers), asked again whenever the subgraph refuses them as
   * UNAUTHENTICATED (e.g. a short-lived signed identity, re-sent after a reconnect). Default: the
   * context's `forwardHeaders`.
   */
  upstreamHeaders?: (context: GatewayContext) => Record<string, string> | Promise<Record<string, string>>;
  /**
   * Completions (twin queries) the gateway runs at once; more wait their turn. Bounds the load a burst
   * of events for many distinct subscribers puts on the gateway and the subgraphs. Default 32.
   */
  completionConcurrency?: number;
  /** Completed events a subscriber may leave unread before it is dropped (SLOW_CONSUMER). Default 100. */
  queueSize?: number;
  /** Reconnection to the owning subgraph after it went away. */
  upstream?: UpstreamOptions;
  /** Default: SUBSCRIPTION_ROUTES. */
  routes?: readonly SubscriptionRoute[];
}

export interface SubscriptionStats {
  /** Open graphql-ws connections of clients. */
  connections: number;
  /** Client subscriptions being served. */
  subscriptions: number;
  /** Subscriptions open upstream (one per client subscription; 0 when nobody subscribes). */
  upstream: number;
  /** Events delivered to subscribers since start. */
  delivered: number;
  /** Subscribers dropped for reading too slowly since start. */
  dropped: number;
}

export interface SubscriptionEndpoint {
  stats(): SubscriptionStats;
  /**
   * The gateway's own subscription to a subgraph (e.g. the registry's changes, to refresh its shard
   * map): `onEvent` runs for each event; kept open — resubscribed after errors — until `dispose`.
   */
  watch(subgraph: string, query: string, headers: () => Promise<Record<string, string>>, onEvent: () => void): void;
  dispose(): Promise<void>;
}

interface Connection {
  request: SubscriptionRequest;
}

type Prepared =
  | { kind: "subscription"; plan: SubscriptionPlan; request: SubscriptionRequest }
  | { kind: "operation"; query: string; request: SubscriptionRequest };

/**
 * The gateway's graphql-ws endpoint, on the HTTP server's `path` (same port and path as HTTP GraphQL).
 *
 * A subscription is validated against the supergraph's API schema, authorized, then forwarded to the
 * subgraph that owns it selecting only the event id; each event id is completed by running the
 * client's selection on the field's query twin through `apollo.executeOperation` — the gateway's own
 * query path, with its plugins (limits) and the subscriber's context — and the result is sent to the
 * client. Queries and mutations sent over the socket take the same path.
 */
export function attachSubscriptionEndpoint(deps: {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  apiSchema: () => GraphQLSchema | undefined;
  subgraphUrl: (name: string) => string;
  /** The gateway's query limits: the same validation rules as Apollo's, the parser's token cap, the message cap. */
  limits?: { validationRules: readonly ValidationRule[]; maxTokens: number; maxPayload: number };
  options?: GatewaySubscriptionOptions;
}): SubscriptionEndpoint {
  const opts = deps.options ?? {};
  const authorize = opts.authorize ?? allowAll;
  const makeContext = opts.context ?? defaultSubscriptionContext;
  const upstreamHeaders = opts.upstreamHeaders ?? ((c: GatewayContext) => c.forwardHeaders);
  const routes = new Map((opts.routes ?? SUBSCRIPTION_ROUTES).map((r) => [r.field, r]));
  const queueSize = opts.queueSize ?? 100;
  const upstream = new UpstreamConnections(opts.upstream);
  const connections = new WeakMap<object, Connection>();
  const prepared = new WeakMap<DocumentNode, Prepared>();
  let subscriptions = 0;
  let delivered = 0;
  let dropped = 0;

  const wss = new WebSocketServer({ server: deps.httpServer, path: deps.path, maxPayload: deps.limits?.maxPayload });

  /**
   * Completions in flight or just done, shared by the subscribers of one event whose twin query,
   * variables and (plain-data) context are the same: one execution serves them all, exactly as if each
   * had run it at that moment. Entries are forgotten two seconds after they settle.
   */
  const shared = new Map<string, Promise<FormattedExecutionResult | null>>();

  function completeShared(
    plan: SubscriptionPlan,
    id: string,
    contextValue: GatewayContext,
    groupKey: string | undefined,
  ): Promise<FormattedExecutionResult | null> {
    if (groupKey === undefined) return complete(plan, id, contextValue);
    const key = `${id}\u0000${groupKey}`;
    let p = shared.get(key);
    if (!p) {
      p = complete(plan, id, contextValue);
      shared.set(key, p);
      const forget = () => void setTimeout(() => shared.delete(key), 2000).unref();
      p.then(forget, forget);
    }
    return p;
  }

  // At most `completionConcurrency` twin queries at once; the others wait their turn in arrival order.
  const limit = pLimit(opts.completionConcurrency ?? 32);
  function complete(plan: SubscriptionPlan, id: string, contextValue: GatewayContext): Promise<FormattedExecutionResult | null> {
    return limit(() => runTwin(plan, id, contextValue));
  }

  async function runTwin(plan: SubscriptionPlan, id: string, contextValue: GatewayContext): Promise<FormattedExecutionResult | null> {
    const res = await deps.apollo.executeOperation(
      { query: plan.twin.query, operationName: "GatewayEvent", variables: { ...plan.twin.variables, [plan.twin.idVariable]: id } },
      { contextValue },
    );
    if (res.body.kind !== "single") return endResult("INTERNAL_SERVER_ERROR", "unexpected incremental result");
    const { data, errors, extensions } = res.body.singleResult;
    const value = data?.[plan.responseKey];
    if (value == null && !errors?.length) return null; // the twin shows nothing of this event to this subscriber
    return {
      data: data ? { [plan.responseKey]: value } : null,
      ...(errors?.length ? { errors } : {}),
      ...(extensions ? { extensions } : {}),
    } as FormattedExecutionResult;
  }

  async function start(plan: SubscriptionPlan, context: GatewayContext): Promise<EventResultStream> {
    const route = plan.route;
    const contextKey = plainDataKey(context);
    const groupKey =
      contextKey === undefined ? undefined : `${plan.twin.query}\u0000${JSON.stringify(plan.twin.variables)}\u0000${contextKey}`;
    const counted = (r: FormattedExecutionResult | null) => {
      if (r) delivered++;
      return r;
    };
    let release = () => undefined as void;
    let ended = false;
    let expiry: NodeJS.Timeout | undefined;
    subscriptions++;
    const stream = new EventResultStream(
      queueSize,
      () => {
        subscriptions--;
        ended = true;
        clearTimeout(expiry);
        release();
      },
      () => dropped++,
    );
    let renewals = 0;
    const open = async (): Promise<void> => {
      const headers = await upstreamHeaders(context);
      if (ended) return;
      release = upstream.subscribe(
        deps.subgraphUrl(route.subgraph),
        { query: plan.upstream.query, variables: plan.upstream.variables, extensions: { headers } },
        {
          next: (r) => {
            const event = r.data?.[route.field] as Record<string, unknown> | null | undefined;
            const id = event?.[route.idField ?? "id"];
            if (typeof id === "string" || typeof id === "number")
              stream.push(completeShared(plan, String(id), context, groupKey).then(counted));
            else if (r.errors?.length) stream.push(Promise.resolve({ errors: r.errors }));
          },
          error: (kind, errors, detail) => {
            if (kind === "graphql" && errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED") && renewals++ < 3) {
              // The forwarded identity is short-lived: after a reconnect the client re-sent an expired one. Sign anew.
              open().catch((e: unknown) => stream.end(endResult(SubscriptionEndCode.UPSTREAM_ERROR, String(e))));
              return;
            }
            if (kind === "graphql") {
              stream.end({
                errors: (errors ?? []).map((e) => ({ ...e, extensions: { code: SubscriptionEndCode.UPSTREAM_ERROR, ...e.extensions } })),
              });
            } else {
              stream.end(
                endResult(
                  SubscriptionEndCode.UPSTREAM_UNAVAILABLE,
                  `订阅来源服务（${route.subgraph}）不可用，重试后仍无法连接，订阅已结束，请重新订阅 / the ${route.subgraph} service is unavailable after retries (${detail}); subscription ended, subscribe again`,
                ),
              );
            }
          },
          complete: () => stream.end(),
        },
      );
    };
    // A subscription lives no longer than its subscriber's token: at expiry it ends with a clear error.
    if (context.expiresAt !== undefined) {
      const endExpired = () =>
        stream.end(
          endResult(
            SubscriptionEndCode.TOKEN_EXPIRED,
            "登录令牌已过期，订阅已结束，请重新登录后再订阅 / the token expired; subscription ended, sign in and subscribe again",
          ),
        );
      const left = context.expiresAt - Date.now();
      if (left <= 0) {
        endExpired();
        return stream;
      }
      expiry = setTimeout(endExpired, Math.min(left, 2 ** 31 - 1));
      expiry.unref();
    }
    await open();
    return stream;
  }

  const server = useServer<Record<string, unknown>>(
    {
      onConnect: async (ctx) => {
        const request: SubscriptionRequest = {
          headers: subscriptionHeaders(ctx.extra.request, ctx.connectionParams),
          connectionParams: ctx.connectionParams ?? {},
          request: ctx.extra.request,
        };
        try {
          await authorize({ phase: "connect", request, context: await makeContext(request) });
        } catch (e) {
          const err = asGraphQLError(e);
          ctx.extra.socket.close(err.extensions.code === "UNAUTHENTICATED" ? 4401 : 4403, err.message.slice(0, 120));
          return false;
        }
        connections.set(ctx, { request });
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const conn = connections.get(ctx);
        const schema = deps.apiSchema();
        if (!conn || !schema) return [new GraphQLError("网关尚未就绪 / gateway not ready", { extensions: { code: "UNAVAILABLE" } })];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: deps.limits?.maxTokens });
        } catch (e) {
          return [asGraphQLError(e, "GRAPHQL_PARSE_FAILED")];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...(deps.limits?.validationRules ?? [])]);
        if (invalid.length)
          return invalid.map(
            (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: e.extensions?.code ?? "GRAPHQL_VALIDATION_FAILED" } }),
          );
        const op = getOperationAST(document, payload.operationName);
        if (!op)
          return [new GraphQLError("无法确定要执行的操作 / unable to identify the operation", { extensions: { code: "BAD_USER_INPUT" } })];
        const variables = (payload.variables ?? {}) as Record<string, unknown>;
        const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variables);
        if (coerced.errors)
          return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: "BAD_USER_INPUT" } }));

        const request: SubscriptionRequest = {
          ...conn.request,
          headers: subscriptionHeaders(conn.request.request, conn.request.connectionParams, payload.extensions),
        };
        let context: GatewayContext;
        try {
          context = await makeContext(request);
        } catch (e) {
          return [asGraphQLError(e, "UNAUTHENTICATED")];
        }
        let field: string | null = null;
        let item: Prepared;
        try {
          if (op.operation === "subscription") {
            const fragments = new Map(
              document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d] as const] : [])),
            );
            field = rootField(op, fragments, variables).name.value;
            const route = routes.get(field);
            if (!route)
              return [
                new GraphQLError(`网关未配置订阅 ${field} / Subscription.${field} is not routed by the gateway`, {
                  extensions: { code: "NOT_SUPPORTED" },
                }),
              ];
            item = { kind: "subscription", plan: planSubscription(document, op, route, variables), request };
          } else {
            item = { kind: "operation", query: payload.query, request };
          }
        } catch (e) {
          return [asGraphQLError(e, "BAD_USER_INPUT")];
        }
        try {
          await authorize({
            phase: "subscribe",
            request,
            context,
            operation: { document, operationName: payload.operationName, variables, field },
          });
        } catch (e) {
          return [asGraphQLError(e)];
        }
        prepared.set(document, item);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: context,
        } satisfies ExecutionArgs;
      },
      subscribe: (args) => {
        const item = prepared.get(args.document);
        if (item?.kind !== "subscription") return { errors: [new GraphQLError("subscription was not prepared")] };
        // graphql-ws sends results as JSON; ours are already formatted (errors as plain objects).
        return start(item.plan, args.contextValue as GatewayContext) as unknown as AsyncGenerator<never>;
      },
      // Results are already formatted (apollo's formatError ran on them); send them as they are.
      onNext: (_ctx, _id, _payload, _args, result) => result as unknown as FormattedExecutionResult,
      execute: async (args) => {
        const item = prepared.get(args.document);
        if (item?.kind !== "operation") return { errors: [new GraphQLError("operation was not prepared")] };
        const res = await deps.apollo.executeOperation(
          { query: item.query, operationName: args.operationName ?? undefined, variables: args.variableValues ?? {} },
          { contextValue: await makeContext(item.request) },
        );
        return res.body.kind === "single"
          ? (res.body.singleResult as never)
          : { errors: [new GraphQLError("unexpected incremental result")] };
      },
    },
    wss,
  );

  let disposed = false;
  const watches: (() => void)[] = [];
  function watch(subgraph: string, query: string, headers: () => Promise<Record<string, string>>, onEvent: () => void): void {
    const again = () => {
      if (!disposed) setTimeout(open, 2000).unref();
    };
    const open = () => {
      if (disposed) return;
      headers()
        .then((h) => {
          if (disposed) return;
          watches.push(
            upstream.subscribe(
              deps.subgraphUrl(subgraph),
              { query, variables: {}, extensions: { headers: h } },
              { next: onEvent, error: again, complete: again },
              true,
            ),
          );
        })
        .catch(again);
    };
    open();
  }

  return {
    stats: () => ({ connections: wss.clients.size, subscriptions, upstream: upstream.openSubscriptions, delivered, dropped }),
    watch,
    async dispose() {
      disposed = true;
      for (const stop of watches.splice(0)) stop();
      await closeAll(wss);
      await Promise.resolve(server.dispose()).catch(() => undefined);
      await upstream.dispose();
    },
  };
}

/**
 * A stable text of a context made only of plain data (objects, arrays, strings, numbers, booleans,
 * null, dates), or undefined if it holds anything else (functions, class instances): such contexts are
 * never shared between subscribers.
 */
export function plainDataKey(value: unknown): string | undefined {
  const walk = (v: unknown): string | undefined => {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
    if (v === undefined) return "null";
    if (v instanceof Date) return JSON.stringify(v.toISOString());
    if (Array.isArray(v)) {
      const parts = v.map(walk);
      return parts.some((p) => p === undefined) ? undefined : `[${parts.join(",")}]`;
    }
    if (typeof v === "object") {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return undefined;
      const parts: string[] = [];
      for (const k of Object.keys(v).sort()) {
        const p = walk((v as Record<string, unknown>)[k]);
        if (p === undefined) return undefined;
        parts.push(`${JSON.stringify(k)}:${p}`);
      }
      return `{${parts.join(",")}}`;
    }
    return undefined;
  };
  return walk(value);
}
