import { GraphQLError, parse, validate, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Server } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { formatError } from "../format-error.js";
import { subscriptionHeaders, type SubscriptionRequest } from "./connection.js";
import { subscribeWithFreshContext } from "./per-event.js";

export interface SubscriptionServerOptions<C> {
  /** The schema subscriptions run against; default: the service's schema. */
  schema?: GraphQLSchema;
  /**
   * The context of a subscription: built once when it starts (for its `subscribe` resolver) and again
   * for every event, so each event is resolved like a fresh request.
   */
  context: (req: SubscriptionRequest) => Promise<C> | C;
  /** Refuses a connection by returning false (close code 4403) or throwing. */
  onConnect?: (req: SubscriptionRequest) => Promise<boolean> | boolean;
}

export interface SubscriptionServer {
  stats(): { connections: number; subscriptions: number };
  /** Closes every socket (1001 Going away) and stops accepting. */
  dispose(): Promise<void>;
}

/**
 * graphql-ws (protocol `graphql-transport-ws`) on an existing HTTP server, at `path` — the same port
 * and path as HTTP GraphQL: HTTP requests go to Express, upgrade requests come here.
 */
export function attachSubscriptionServer<C>(
  httpServer: Server,
  path: string,
  schema: GraphQLSchema,
  opts: SubscriptionServerOptions<C>,
): SubscriptionServer {
  const wss = new WebSocketServer({ server: httpServer, path });
  const freshContexts = new WeakMap<object, () => Promise<unknown>>();
  let subscriptions = 0;
  const cleanup = useServer<Record<string, unknown>>(
    {
      schema: opts.schema ?? schema,
      onConnect: async (ctx) => {
        if (!opts.onConnect) return true;
        try {
          return await opts.onConnect({
            headers: subscriptionHeaders(ctx.extra.request, ctx.connectionParams),
            connectionParams: ctx.connectionParams ?? {},
            request: ctx.extra.request,
          });
        } catch (e) {
          // A refusal, not a crash: 4401/4403 (a client may retry with new credentials), never 4500.
          const code = e instanceof GraphQLError && e.extensions?.code === "UNAUTHENTICATED" ? 4401 : 4403;
          ctx.extra.socket.close(code, (e instanceof Error ? e.message : String(e)).slice(0, 120));
          return false;
        }
      },
      // Parse, validate and build the context here, so a refusal (an invalid or expired identity) ends
      // this one subscription with its error instead of closing the socket the others share.
      onSubscribe: async (ctx, _id, payload) => {
        const target = opts.schema ?? schema;
        let document;
        try {
          document = parse(payload.query);
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError(String(e))];
        }
        const invalid = validate(target, document);
        if (invalid.length) return invalid;
        const req: SubscriptionRequest = {
          headers: subscriptionHeaders(ctx.extra.request, ctx.connectionParams, payload.extensions),
          connectionParams: ctx.connectionParams ?? {},
          request: ctx.extra.request,
        };
        let contextValue: object;
        try {
          contextValue = (await opts.context(req)) as object;
        } catch (e) {
          return [
            e instanceof GraphQLError
              ? e
              : new GraphQLError(e instanceof Error ? e.message : String(e), { extensions: { code: "INTERNAL_SERVER_ERROR" } }),
          ];
        }
        freshContexts.set(contextValue, async () => opts.context(req));
        return { schema: target, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      subscribe: (args) => {
        const fresh = freshContexts.get(args.contextValue as object);
        return subscribeWithFreshContext(args, fresh ?? (async () => args.contextValue));
      },
      // Errors of events reach clients as over HTTP: unexpected ones masked, with a code.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length
          ? {
              ...result,
              errors: result.errors.map((e) => {
                const json = e.toJSON();
                return formatError({ ...json, extensions: { code: "INTERNAL_SERVER_ERROR", ...json.extensions } }, e.originalError ?? e);
              }),
            }
          : undefined,
      onOperation: () => {
        subscriptions++;
      },
      onComplete: () => {
        subscriptions--;
      },
    },
    wss,
  );
  return {
    stats: () => ({ connections: wss.clients.size, subscriptions }),
    async dispose() {
      await closeAll(wss);
      await Promise.resolve(cleanup.dispose()).catch(() => undefined);
    },
  };
}

/** Asks every client to go away and, after a short grace, cuts those that have not. */
export async function closeAll(wss: WebSocketServer, graceMs = 1000): Promise<void> {
  const clients = [...wss.clients] as WebSocket[];
  if (!clients.length) return;
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.readyState === c.CLOSED) return resolve();
          const timer = setTimeout(() => {
            c.terminate();
            resolve();
          }, graceMs);
          c.once("close", () => {
            clearTimeout(timer);
            resolve();
          });
          c.close(1001, "Going away");
        }),
    ),
  );
}
