import type { ApolloServer } from "@apollo/server";
import { closeAll, subscriptionHeaders, type SubscriptionRequest } from "@ssj/shared";
import { GraphQLError, type ExecutionArgs, type FormattedExecutionResult, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Server } from "node:http";
import { WebSocketServer } from "ws";
import type { GatewayContext } from "../context.js";
import { allowAll, asGraphQLError, defaultSubscriptionContext } from "./auth.js";
import { createCompleter } from "./completions.js";
import type { GatewaySubscriptionOptions, SubscriptionEndpoint } from "./options.js";
import { prepareOperation, type Prepared, type SocketLimits } from "./prepare.js";
import { SUBSCRIPTION_ROUTES } from "./routes.js";
import { SubscriptionGroups } from "./groups.js";
import { SharedDocuments } from "./shared-documents.js";
import { startSubscriber, type SubscriberCounters } from "./subscriber.js";
import { UpstreamConnections } from "./upstream.js";
import { Watches } from "./watch.js";

export type { GatewaySubscriptionOptions, SubscriptionEndpoint, SubscriptionStats } from "./options.js";

/**
 * The gateway's graphql-ws endpoint, on the HTTP server's `path` (same port and path as HTTP GraphQL).
 * This file wires the parts (docs/subscriptions.md): `prepare.ts` validates, plans and authorizes each
 * subscribe message; `subscriber.ts` serves one subscription from its upstream; `completions.ts` runs the
 * twin queries; `upstream.ts` holds the connections to the subgraphs; `watch.ts` the gateway's own.
 *
 * Subscribers with the same filter and identity class share one upstream subscription, forwarded to the
 * subgraph that owns it selecting only the event id (`groups.ts`); each event id is completed once per group by running the client's selection on the field's query twin through `apollo.executeOperation`
 * — the gateway's own query path — and the result is sent to the client. Queries and mutations sent over
 * the socket take the same path.
 */
export function attachSubscriptionEndpoint(deps: {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  apiSchema: () => GraphQLSchema | undefined;
  subgraphUrl: (name: string) => string;
  limits?: SocketLimits;
  options?: GatewaySubscriptionOptions;
}): SubscriptionEndpoint {
  const opts = deps.options ?? {};
  const authorize = opts.authorize ?? allowAll;
  const makeContext = opts.context ?? defaultSubscriptionContext;
  const routes = new Map((opts.routes ?? SUBSCRIPTION_ROUTES).map((r) => [r.field, r]));
  const upstream = new UpstreamConnections(opts.upstream);
  const watches = new Watches(upstream, deps.subgraphUrl);
  const counters: SubscriberCounters = { subscriptions: 0, delivered: 0, dropped: 0 };
  const groups = new SubscriptionGroups({
    upstream,
    subgraphUrl: deps.subgraphUrl,
    upstreamHeaders: opts.upstreamHeaders ?? ((c: GatewayContext) => c.forwardHeaders),
    complete: createCompleter(deps.apollo, opts.completionConcurrency ?? 32, opts.completionRetryMs),
  });
  const subscriber = { groups, queueSize: opts.queueSize ?? 100, counters };
  const connections = new WeakMap<object, SubscriptionRequest>();
  // Keyed by the execution arguments graphql-ws hands back to `subscribe`/`execute`: the document itself
  // is shared by every subscriber of the same text (shared-documents.ts).
  const prepared = new WeakMap<ExecutionArgs, Prepared>();
  const documents = new SharedDocuments({ validationRules: deps.limits?.validationRules, maxTokens: deps.limits?.maxTokens });

  const wss = new WebSocketServer({ server: deps.httpServer, path: deps.path, maxPayload: deps.limits?.maxPayload });
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
        connections.set(ctx, request);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx);
        const schema = deps.apiSchema();
        if (!connection || !schema) return [new GraphQLError("网关尚未就绪 / gateway not ready", { extensions: { code: "UNAVAILABLE" } })];
        const out = await prepareOperation({ authorize, makeContext, routes, documents }, schema, connection, payload);
        if (Array.isArray(out)) return out;
        prepared.set(out.args, out.item);
        return out.args;
      },
      subscribe: (args) => {
        const item = prepared.get(args);
        if (item?.kind !== "subscription") return { errors: [new GraphQLError("subscription was not prepared")] };
        // graphql-ws sends results as JSON; ours are already formatted (errors as plain objects).
        return startSubscriber(subscriber, item.plan, args.contextValue as GatewayContext) as unknown as AsyncGenerator<never>;
      },
      // Results are already formatted (apollo's formatError ran on them); send them as they are.
      onNext: (_ctx, _id, _payload, _args, result) => result as unknown as FormattedExecutionResult,
      execute: async (args) => {
        const item = prepared.get(args);
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

  return {
    stats: () => ({ connections: wss.clients.size, upstream: upstream.openSubscriptions, ...counters }),
    watch: (subgraph, query, headers, onEvent) => watches.watch(subgraph, query, headers, onEvent),
    async dispose() {
      watches.dispose();
      await closeAll(wss);
      await Promise.resolve(server.dispose()).catch(() => undefined);
      await upstream.dispose();
    },
  };
}
