import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import {
  applyKeepAlive,
  DepartmentCalls,
  IDENTITY_HEADER,
  jsonErrorHandler,
  PUBLIC_IDENTITY,
  refuseSubscriptionsOverHttp,
  Role,
  Issuer,
  publicSetOf,
  scrapeTokenMatches,
  type DepartmentCallConfig,
  signIdentity,
  SignedIdentityCache,
  serviceRoute,
  type Identity,
  type PrivateKeySource,
  type Signer,
} from "@ssj/shared";
import express from "express";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { forwardHeaders, forwardHeadersFrom, type GatewayContext } from "./context.js";
import { UserTokenVerifier, type UserTokenConfig } from "./auth/user-token.js";
import { inputSafetyPlugin } from "@ssj/shared";
import { singleWriteTargetPlugin } from "./mutations/single-target.js";
import { mutationOwners } from "./mutations/write-targets.js";
import { checkCost } from "./limits/cost.js";
import { formatGatewayError } from "./limits/format.js";
import { DEFAULT_LIMITS, type QueryLimits } from "./limits/limits.js";
import { costPlugin } from "./limits/plugin.js";
import { queryTextCap } from "./limits/query-size.js";
import { limitRules } from "./limits/rules.js";
import type { Request } from "express";
import { mountIde } from "./ide.js";
import { mountWebAuth, type WebAuthOptions } from "./auth/demo-idp.js";
import { mountWebApp } from "./web-app.js";
import { mountImportProxy } from "./import-proxy.js";
import { mountExportProxy } from "./export-proxy.js";
import { mountRecordProxy } from "./record-proxy.js";
import { mountEvidenceProxy } from "./evidence-proxy.js";
import { ShardedDepartmentSource } from "./sharding/sharded-source.js";
import { departmentFetcher } from "./resilience/department-fetcher.js";
import { countyUnavailable, subgraphErrorsOf } from "./resilience/county-unavailable.js";
import { ShardMap } from "./sharding/shard-map.js";
import {
  attachSubscriptionEndpoint,
  type GatewaySubscriptionOptions,
  type SubscriptionEndpoint,
  type SubscriptionStats,
} from "./subscriptions/endpoint.js";
import { checkRoutes, SUBSCRIPTION_ROUTES } from "./subscriptions/routes.js";
import type { FormattedExecutionResult, GraphQLSchema } from "graphql";
import { ResponseCache } from "./caching/response-cache.js";
import { responseCachePlugin } from "./caching/plugin.js";

/** The gateway's own calls (the shard map) are made as a platform service. */
const GATEWAY_SERVICE: Identity = { sub: "gateway", role: Role.SERVICE };

export const DEFAULT_SUPERGRAPH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

export interface GatewayOptions {
  port: number;
  host?: string;
  /** The county service: a subgraph, and the registry the shard map is read from. */
  countyUrl: string;
  supergraphPath?: string;
  /** How long the shard map is trusted before it is read again (ms). */
  shardMapTtlMs?: number;
  /** The graphql-ws endpoint (same port, same path): auth hook, subscriber context, queue size, upstream retries. */
  subscriptions?: GatewaySubscriptionOptions;
  /** Users' tokens (issuer, audience, key) and the gateway's own private key set, which signs identities for the subgraphs. */
  auth: { users: UserTokenConfig; keys: PrivateKeySource };
  /** Scrape token of GET /metrics (METRICS_TOKEN); without one, /metrics is closed. */
  metricsToken?: string;
  /** Size, token, depth, alias and cost limits (default DEFAULT_LIMITS; docs/architecture.md). */
  limits?: Partial<QueryLimits>;
  /** Introspection (default: on unless NODE_ENV=production). */
  introspection?: boolean;
  /** Deadline and circuit breaker of calls to departments (default: from the environment, see departmentCallConfig). */
  departmentCalls?: DepartmentCallConfig;
  /** How long a query's answer is served again to the same caller (ms, default 1000; 0: never). docs/performance.md. */
  responseCacheMs?: number;
  /** The web app at `/` (default: web/dist) and how it signs users in (demo provider or OpenID Connect). */
  web?: { dir?: string; auth?: WebAuthOptions };
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: Server;
  shardMap: ShardMap;
  /** Subscribers, open upstream subscriptions, delivered and dropped events (also at GET /metrics). */
  subscriptionStats(): SubscriptionStats;
  stop(): Promise<void>;
}

/** Every subgraph call carries the caller's identity, signed and bound to the query sent (a recent token reused). */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0],
    private readonly tokens: SignedIdentityCache,
  ) {
    super(config);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    for (const [k, v] of Object.entries(context?.forwardHeaders ?? {})) request.http?.headers.set(k, String(v));
    request.http?.headers.set(IDENTITY_HEADER, await this.tokens.sign(context?.identity ?? PUBLIC_IDENTITY, request.query ?? ""));
  }
}

/** The county subgraph: any mutation may change the registry, so the shard map is re-read after it. */
class CountyDataSource extends ForwardingDataSource {
  constructor(
    url: string,
    tokens: SignedIdentityCache,
    private readonly shardMap: ShardMap,
  ) {
    super({ url }, tokens);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const response = await super.process(options).catch((e) => {
      const errors = subgraphErrorsOf(e);
      if (errors) return { errors };
      throw countyUnavailable(e);
    });
    if (/^\s*mutation\b/.test(options.request.query ?? "")) this.shardMap.invalidate();
    return response;
  }
}

/** Apollo Gateway and Apollo Server on one endpoint, with the department subgraph sharded by department. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const signer: Signer = { issuer: Issuer.GATEWAY, keys: opts.auth.keys };
  const tokens = new SignedIdentityCache(signer);
  const users = new UserTokenVerifier(opts.auth.users);
  const shardMap = new ShardMap(
    opts.countyUrl,
    async (query) => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, signer, query) }),
    opts.shardMapTtlMs ?? 5000,
  );
  /** Headers for a plain HTTP call to a service on behalf of the caller, bound to method and path. */
  const signedFor = async (req: Request, method: string, path: string) => ({
    ...forwardHeaders(req),
    [IDENTITY_HEADER]: await signIdentity(await users.identify(req.headers.authorization), signer, `${method} ${path}`),
  });
  /** Deadline, circuit breaker and retry of every call to a department instance (docs/deployment.md). */
  const calls = new DepartmentCalls(opts.departmentCalls);
  const supergraphSdl = readFileSync(opts.supergraphPath ?? DEFAULT_SUPERGRAPH, "utf8");
  /** Each subgraph's URL as composed into the supergraph, as Apollo Gateway hands it to `buildService`. */
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (url) subgraphUrls.set(name, url);
      if (name === "department")
        return new ShardedDepartmentSource(
          shardMap,
          (u) => new ForwardingDataSource({ url: u, fetcher: departmentFetcher(calls) }, tokens),
        );
      if (name === "county") return new CountyDataSource(opts.countyUrl, tokens, shardMap);
      // Any other subgraph (e.g. the conformance fixtures) answers at the URL composed into the supergraph.
      return new ForwardingDataSource({ url }, tokens);
    },
  });

  let apiSchema: GraphQLSchema | undefined;
  let routeProblems: string[] = [];
  let owners = new Map<string, string>();
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema, coreSupergraphSdl }) => {
    apiSchema = schema;
    owners = mutationOwners(coreSupergraphSdl);
    routeProblems = checkRoutes(schema, coreSupergraphSdl, opts.subscriptions?.routes ?? SUBSCRIPTION_ROUTES);
  });

  const app = express();
  const httpServer = createServer(app);
  applyKeepAlive(httpServer);
  // eslint-disable-next-line prefer-const -- assigned once Apollo exists; the drain hook below closes over it first
  let subscriptionEndpoint: SubscriptionEndpoint | undefined;
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const validationRules = limitRules(limits);
  const responses = new ResponseCache<NonNullable<FormattedExecutionResult["data"]>>(opts.responseCacheMs ?? 1000);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    introspection: opts.introspection ?? process.env.NODE_ENV !== "production",
    formatError: formatGatewayError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // bad values (control characters, 1e309) are named as such before any cost is computed from them
      inputSafetyPlugin<GatewayContext>(),
      costPlugin<GatewayContext>(limits),
      singleWriteTargetPlugin<GatewayContext>(() => owners),
      responseCachePlugin(responses),
      { serverWillStart: async () => ({ drainServer: async () => subscriptionEndpoint?.dispose() }) },
      refuseSubscriptionsOverHttp<GatewayContext>(),
    ],
  });
  await apollo.start();
  if (routeProblems.length) {
    await apollo.stop();
    throw new Error(`subscriptions are not routed as the supergraph says:\n  ${routeProblems.join("\n  ")}`);
  }
  subscriptionEndpoint = attachSubscriptionEndpoint({
    httpServer,
    path: "/graphql",
    apollo,
    apiSchema: () => apiSchema,
    subgraphUrl: (name) => {
      if (name === "county") return opts.countyUrl;
      if (name === "department") throw new Error("subscriptions of the sharded department subgraph are not supported yet");
      const url = subgraphUrls.get(name);
      if (!url) throw new Error(`unknown subgraph ${name}`);
      return url;
    },
    limits: { validationRules, maxTokens: limits.maxTokens, maxPayload: limits.maxWsPayload },
    options: {
      // Subscribers are identified like HTTP callers (Authorization in connectionParams); each event is
      // completed as a query with that identity (signed per subgraph call by the data sources).
      context: async (request) => {
        const { identity, expiresAt } = await users.verify(
          typeof request.headers.authorization === "string" ? request.headers.authorization : undefined,
        );
        return { identity, expiresAt, forwardHeaders: forwardHeadersFrom(request.headers) };
      },
      // The owning subgraph receives the subscriber's identity signed with each upstream subscription
      // (re-signed when it refuses an expired one after a reconnect) …
      upstreamHeaders: async (context) => ({ ...context.forwardHeaders, [IDENTITY_HEADER]: await signIdentity(context.identity, signer) }),
      ...opts.subscriptions,
      // Subscription documents obey the same limits as queries: the validation rules above, and the cost at subscribe.
      authorize: async (ctx) => {
        if (ctx.phase === "subscribe" && ctx.operation && apiSchema) {
          const { document, operationName, variables } = ctx.operation;
          const error = checkCost(apiSchema, document, operationName, variables, limits);
          if (error) throw error;
        }
        await opts.subscriptions?.authorize?.(ctx);
      },
      // … and the gateway's shared connection to it is the gateway's own, signed on every (re)connect.
      upstream: {
        connectionParams: async () => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, signer) }),
        ...opts.subscriptions?.upstream,
      },
    },
  });

  // Every gateway re-reads the department registry as soon as any county instance changes it, not only
  // after mutations that went through itself (the county publishes each change; with Redis, every
  // instance's changes). The TTL stays as the fallback while the county is unreachable.
  subscriptionEndpoint.watch(
    "county",
    "subscription GatewayRegistryWatch { departmentChanged { id } }",
    async () => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, signer) }),
    () => {
      shardMap.invalidate();
      responses.invalidate();
    },
  );
  // Writes that do not go through /graphql (imports, evidence uploads) change what queries answer.
  app.post(["/import/:department/:kind", "/visits/:id/evidence"], (_req, res, next) => {
    res.on("finish", () => res.statusCode < 400 && responses.invalidate());
    next();
  });

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", service: "gateway" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      const shards = await shardMap.current();
      const departments = await Promise.all(
        shards.map(async (s) => {
          const ok = await fetch(serviceRoute(s.url, "/readyz"), { signal: AbortSignal.timeout(calls.config.timeoutMs) })
            .then((r) => r.ok)
            .catch(() => false);
          return { code: s.code, name: s.name, ready: ok };
        }),
      );
      // Still ready (partial answers are served), but a department that misses its health check is named.
      const unavailable = departments.filter((d) => !d.ready).map((d) => d.code);
      res.json({ status: unavailable.length ? "degraded" : "ready", county: true, departments, unavailable });
    } catch {
      res.status(503).json({ status: "not ready", county: false, departments: [] });
    }
  });
  app.get("/.well-known/jwks.json", (_req, res) => {
    res.json(publicSetOf(opts.auth.keys));
  });
  app.get("/metrics", (req, res) => {
    if (!scrapeTokenMatches(req.headers.authorization, opts.metricsToken))
      return res
        .status(401)
        .json({ errors: [{ message: "读取运行指标须持有监控令牌（METRICS_TOKEN）", extensions: { code: "UNAUTHENTICATED" } }] });
    const s = subscriptionEndpoint!.stats();
    const m = process.memoryUsage();
    res
      .type("text/plain")
      .send(
        [
          `gateway_ws_connections ${s.connections}`,
          `gateway_subscriptions ${s.subscriptions}`,
          `gateway_upstream_subscriptions ${s.upstream}`,
          `gateway_subscription_events_delivered_total ${s.delivered}`,
          `gateway_subscribers_dropped_total ${s.dropped}`,
          `gateway_response_cache_hits_total ${responses.stats.hits}`,
          `gateway_response_cache_misses_total ${responses.stats.misses}`,
          `gateway_response_cache_invalidations_total ${responses.stats.invalidations}`,
          `process_resident_memory_bytes ${m.rss}`,
          `nodejs_heap_used_bytes ${m.heapUsed}`,
        ].join("\n") + "\n",
      );
  });
  mountIde(app);
  mountImportProxy(app, shardMap, (req) => signedFor(req, "POST", req.path.endsWith("/flags") ? "/import/flags" : "/import/subjects"));
  mountRecordProxy(app, opts.countyUrl, (req) => signedFor(req, "GET", `/draws/${req.params.id}/record.json`));
  mountEvidenceProxy(app, opts.countyUrl, signedFor);
  mountExportProxy(app, opts.countyUrl, (req) => signedFor(req, "GET", "/exports/results"));
  app.get("/graphql", (req, res, next) =>
    req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.query ? res.redirect("/ide") : next(),
  );
  app.use(
    "/graphql",
    express.json({ limit: "20mb" }),
    queryTextCap(limits),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ identity: await users.identify(req.headers.authorization), forwardHeaders: forwardHeaders(req) }),
    }),
  );

  mountWebAuth(app, opts.web?.auth ?? {});
  mountWebApp(app, opts.web?.dir);
  app.use(jsonErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1"}:${port}/graphql`,
    port,
    httpServer,
    shardMap,
    subscriptionStats: () => subscriptionEndpoint!.stats(),
    async stop() {
      await apollo.stop();
    },
  };
}
