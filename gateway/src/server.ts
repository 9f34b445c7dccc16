import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import {
  applyKeepAlive,
  DepartmentCalls,
  IDENTITY_HEADER,
  inputSafetyPlugin,
  jsonErrorHandler,
  refuseSubscriptionsOverHttp,
  Issuer,
  type DepartmentCallConfig,
  signIdentity,
  SignedIdentityCache,
  type PrivateKeySource,
  type Signer,
} from "@ssj/shared";
import express, { type Request } from "express";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { FormattedExecutionResult, GraphQLSchema } from "graphql";
import { forwardHeaders, type GatewayContext } from "./context.js";
import { GATEWAY_SERVICE } from "./auth/gateway-service.js";
import { UserTokenVerifier, type UserTokenConfig } from "./auth/user-token.js";
import { mountWebAuth, type WebAuthOptions } from "./auth/demo-idp.js";
import { singleWriteTargetPlugin } from "./mutations/single-target.js";
import { mutationOwners } from "./mutations/write-targets.js";
import { formatGatewayError } from "./limits/format.js";
import { DEFAULT_LIMITS, type QueryLimits } from "./limits/limits.js";
import { costPlugin } from "./limits/plugin.js";
import { queryTextCap } from "./limits/query-size.js";
import { limitRules } from "./limits/rules.js";
import { mountIde } from "./ide.js";
import { mountWebApp } from "./web-app.js";
import { mountImportProxy } from "./import-proxy.js";
import { mountExportProxy } from "./export-proxy.js";
import { mountRecordProxy } from "./record-proxy.js";
import { mountEvidenceProxy } from "./evidence-proxy.js";
import { mountHealthRoutes } from "./health/routes.js";
import { mountMetrics } from "./health/metrics.js";
import { serviceBuilder } from "./sources/build-service.js";
import { ShardMap } from "./sharding/shard-map.js";
import { watchRegistry } from "./sharding/registry-watch.js";
import type { GatewaySubscriptionOptions, SubscriptionEndpoint, SubscriptionStats } from "./subscriptions/endpoint.js";
import { attachGatewaySubscriptions } from "./subscriptions/gateway-endpoint.js";
import { checkRoutes, SUBSCRIPTION_ROUTES } from "./subscriptions/routes.js";
import { ResponseCache } from "./caching/response-cache.js";
import { responseCachePlugin } from "./caching/plugin.js";
import { invalidateOnUploads, responseCacheMetrics } from "./caching/invalidation.js";

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
  // Apollo Gateway reports its host (cloud detectors, CPU, memory) to Apollo over HTTPS every few seconds unless
  // told not to: a county's platform sends nothing abroad, and the exports cost CPU (docs/performance.md). Opt-in: set it to "false".
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: serviceBuilder({ countyUrl: opts.countyUrl, shardMap, tokens, calls, subgraphUrls }),
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
  subscriptionEndpoint = attachGatewaySubscriptions({
    httpServer,
    apollo,
    apiSchema: () => apiSchema,
    countyUrl: opts.countyUrl,
    subgraphUrls,
    users,
    signer,
    limits,
    socketLimits: { validationRules, maxTokens: limits.maxTokens, maxPayload: limits.maxWsPayload },
    options: opts.subscriptions,
  });
  watchRegistry(subscriptionEndpoint, signer, () => {
    shardMap.invalidate();
    responses.invalidate();
  });
  invalidateOnUploads(app, responses);
  mountHealthRoutes(app, { shardMap, calls, keys: opts.auth.keys });
  mountMetrics(app, opts.metricsToken, [() => subscriptionMetrics(subscriptionEndpoint!.stats()), () => responseCacheMetrics(responses)]);
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

function subscriptionMetrics(s: SubscriptionStats): string[] {
  return [
    `gateway_ws_connections ${s.connections}`,
    `gateway_subscriptions ${s.subscriptions}`,
    `gateway_upstream_subscriptions ${s.upstream}`,
    `gateway_subscription_events_delivered_total ${s.delivered}`,
    `gateway_subscribers_dropped_total ${s.dropped}`,
  ];
}
