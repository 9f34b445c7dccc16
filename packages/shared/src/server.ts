import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { inputSafetyPlugin } from "./input-safety/plugin.js";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request } from "express";
import type { GraphQLSchema } from "graphql";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { refuseSubscriptionsOverHttp } from "./ws/http-refusal.js";
import { attachSubscriptionServer, type SubscriptionServer, type SubscriptionServerOptions } from "./ws/server.js";
import { IDENTITY_HEADER, verifyIdentity, type TrustedIssuers } from "./auth/internal-token.js";
import { PUBLIC_IDENTITY, Role, type Identity } from "./auth/identity.js";
import { publicSetOf, type PrivateKeySource } from "./auth/keys.js";
import { scrapeTokenMatches } from "./auth/scrape-token.js";
import { AppError, ErrorCode } from "./errors.js";
import { jsonErrorHandler, sendError } from "./http-errors.js";
import { formatError } from "./format-error.js";
import { applyKeepAlive } from "./resilience/config.js";

export { formatError };

export interface ServiceOptions<C extends BaseContext> {
  /** Used in logs and health answers. */
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** The request context; `identity` is the caller as the gateway signed it (public when `auth` is off). */
  context: (req: Request, identity: Identity) => Promise<C>;
  /**
   * Trust between services: every request except /healthz, /readyz and /.well-known/jwks.json must carry
   * an identity token (header `x-ssj-identity`) signed by an issuer in `trusted`, or it is refused with
   * 401. `keys` is this service's own private key set, whose public half is served at
   * /.well-known/jwks.json.
   */
  auth?: {
    trusted: TrustedIssuers;
    keys?: PrivateKeySource;
    onRefused?: (info: { path: string; reason: string; ip: string | undefined }) => void | Promise<void>;
  };
  /** A scrape token for GET /metrics (`Authorization: Bearer <token>`); without it only a platform service's signed identity may read them. */
  metricsToken?: string;
  /** Readiness: true when the service can answer (database reachable, …). */
  ready?: () => Promise<boolean>;
  /** Extra HTTP routes mounted before the GraphQL endpoint (e.g. CSV import). */
  routes?: (app: Express) => void;
  plugins?: ApolloServerPlugin<C>[];
  /** Counters served at GET /metrics in the Prometheus text format (e.g. SQL statements sent). */
  metrics?: () => Record<string, number>;
  /**
   * Serve GraphQL subscriptions over graphql-ws on the same port and path (/graphql). Each event is
   * executed with a fresh context from `subscriptions.context`.
   */
  subscriptions?: Omit<SubscriptionServerOptions<C>, "context"> & {
    context: (req: import("./ws/connection.js").SubscriptionRequest, identity: Identity) => Promise<C> | C;
  };
  /** Called when the service stops, after the HTTP server has closed. */
  onStop?: () => Promise<void>;
  /**
   * Answer `apollo-federation-include-trace: ftv1` with an inline federated trace. Off by default:
   * our gateway reports no usage, and a trace tells resolver timings to whoever asks.
   */
  inlineTrace?: boolean;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  httpServer: Server;
  /** Open graphql-ws connections and subscriptions (zero when subscriptions are not served). */
  subscriptionStats(): { connections: number; subscriptions: number };
  stop(): Promise<void>;
}

/** One HTTP server per service: GraphQL at /graphql, /healthz (alive) and /readyz (can serve). */
export async function startService<C extends BaseContext>(opts: ServiceOptions<C>): Promise<RunningService> {
  const app = express();
  const httpServer = createServer(app);
  applyKeepAlive(httpServer);
  let subscriptionServer: SubscriptionServer | undefined;
  const apollo = new ApolloServer<C>({
    schema: opts.schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      opts.inlineTrace ? ApolloServerPluginInlineTrace() : ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint and no subgraph answer is cached by HTTP: Apollo's default cache-control
      // plugin would still wrap every resolved field in hooks (docs/performance.md, "Gateway figures, 2026-12-01").
      ApolloServerPluginCacheControlDisabled(),
      { serverWillStart: async () => ({ drainServer: async () => subscriptionServer?.dispose() }) },
      refuseSubscriptionsOverHttp<C>(),
      inputSafetyPlugin<C>(),
      ...(opts.plugins ?? []),
    ],
  });
  await apollo.start();
  const auth = opts.auth;
  /** The caller's identity from the signed header, bound to the request it was signed for. */
  const identify = async (
    headers: Record<string, string | string[] | undefined>,
    boundTo: string | undefined,
    path: string,
    ip?: string,
  ): Promise<Identity> => {
    if (!auth) return PUBLIC_IDENTITY;
    const token = headers[IDENTITY_HEADER];
    try {
      return await verifyIdentity(typeof token === "string" ? token : undefined, auth.trusted, boundTo);
    } catch (e) {
      // logged before the refusal is answered, so a caller cannot outrun its own audit entry
      await auth.onRefused?.({ path, reason: (e as Error).message, ip });
      throw e;
    }
  };
  if (opts.subscriptions) {
    const subs = opts.subscriptions;
    // A subscription's identity is verified once, when it is subscribed; its events (each with a fresh
    // context) keep that identity — the signed token is short-lived, a subscription is not.
    const identities = new WeakMap<object, Promise<Identity>>();
    subscriptionServer = attachSubscriptionServer(httpServer, "/graphql", opts.schema, {
      ...subs,
      context: async (req) => {
        let identity = identities.get(req);
        if (!identity)
          identities.set(req, (identity = identify(req.headers, undefined, "ws:/graphql", req.request?.socket?.remoteAddress)));
        return subs.context(req, await identity);
      },
      onConnect: async (req) => {
        if (auth)
          await identify(req.headers, undefined, "ws:/graphql", req.request?.socket?.remoteAddress).catch(() => {
            throw new Error("UNAUTHENTICATED");
          });
        return subs.onConnect ? subs.onConnect(req) : true;
      },
    });
  }

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", service: opts.name });
  });
  app.get("/readyz", async (_req, res) => {
    const ok = opts.ready ? await opts.ready().catch(() => false) : true;
    res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "not ready", service: opts.name });
  });
  app.get("/.well-known/jwks.json", (_req, res) => {
    if (!auth?.keys) return res.status(404).json({ keys: [] });
    res.json(publicSetOf(auth.keys));
  });
  // Counters tell load and sizes: only a scraper holding the configured token, or a platform service.
  app.get("/metrics", async (req, res, next) => {
    if (!scrapeTokenMatches(req.headers.authorization, opts.metricsToken)) {
      let identity: Identity;
      try {
        identity = await identify(req.headers, "GET /metrics", req.path, req.ip);
      } catch (e) {
        return sendError(res, 401, ErrorCode.UNAUTHENTICATED, (e as Error).message);
      }
      if (auth && identity.role !== Role.SERVICE)
        return sendError(res, 403, ErrorCode.FORBIDDEN, "只有平台服务或持有监控令牌的采集程序可以读取运行指标");
    }
    next();
  });
  app.get("/metrics", (_req, res) => {
    const ws = subscriptionServer?.stats();
    const all = {
      ...(ws ? { graphql_ws_connections: ws.connections, graphql_ws_subscriptions: ws.subscriptions } : {}),
      ...opts.metrics?.(),
    };
    const lines = Object.entries(all).map(([k, v]) => `${k} ${v}`);
    lines.push(`process_resident_memory_bytes ${process.memoryUsage().rss}`);
    res.type("text/plain").send(`${lines.join("\n")}\n`);
  });
  // Every other route (pools, imports, records) needs a signed identity bound to its method and path.
  app.use(async (req, res, next) => {
    if (req.path === "/graphql") return next();
    try {
      res.locals.identity = await identify(req.headers, `${req.method} ${req.path}`, req.path, req.ip);
      next();
    } catch (e) {
      const err = e as AppError;
      sendError(res, 401, ErrorCode.UNAUTHENTICATED, err.message);
    }
  });
  opts.routes?.(app);
  app.use(
    "/graphql",
    express.json({ limit: "20mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const query = typeof req.body?.query === "string" ? req.body.query : typeof req.query.query === "string" ? req.query.query : "";
        let identity: Identity;
        try {
          identity = await identify(req.headers, query, "/graphql", req.ip);
        } catch (e) {
          throw new AppError(ErrorCode.UNAUTHENTICATED, (e as Error).message, { http: { status: 401 } });
        }
        return opts.context(req, identity);
      },
    }),
  );

  app.use(jsonErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  let stopped = false;
  return {
    name: opts.name,
    url: `http://${host}:${port}/graphql`,
    port,
    httpServer,
    subscriptionStats: () => subscriptionServer?.stats() ?? { connections: 0, subscriptions: 0 },
    async stop() {
      if (stopped) return;
      stopped = true;
      await apollo.stop();
      await opts.onStop?.();
    },
  };
}
