import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import {
  formatError,
  IDENTITY_HEADER,
  jsonErrorHandler,
  PUBLIC_IDENTITY,
  refuseSubscriptionsOverHttp,
  Role,
  signIdentity,
  type Identity,
} from "@ssj/shared";
import express from "express";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { forwardHeaders, forwardHeadersFrom, type GatewayContext } from "./context.js";
import { UserTokenVerifier, type UserTokenConfig } from "./auth/user-token.js";
import { checkLimits, DEFAULT_LIMITS, type QueryLimits } from "./limits/rules.js";
import { limitsPlugin } from "./limits/plugin.js";
import type { Request } from "express";
import { mountIde } from "./ide.js";
import { mountWebAuth, type WebAuthOptions } from "./auth/demo-idp.js";
import { mountWebApp } from "./web-app.js";
import { mountImportProxy } from "./import-proxy.js";
import { mountRecordProxy } from "./record-proxy.js";
import { ShardedDepartmentSource } from "./sharding/sharded-source.js";
import { ShardMap } from "./sharding/shard-map.js";
import {
  attachSubscriptionEndpoint,
  type GatewaySubscriptionOptions,
  type SubscriptionEndpoint,
  type SubscriptionStats,
} from "./subscriptions/endpoint.js";
import { checkRoutes, SUBSCRIPTION_ROUTES } from "./subscriptions/routes.js";
import type { GraphQLSchema } from "graphql";
import { Kind, parse, type OperationDefinitionNode } from "graphql";

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
  /** Users' tokens (issuer, audience, key) and the internal secret the gateway signs identities with. */
  auth: { users: UserTokenConfig; internalSecret: string };
  /** Depth, alias and cost limits (default DEFAULT_LIMITS). */
  limits?: QueryLimits;
  /** Introspection (default: on unless NODE_ENV=production). */
  introspection?: boolean;
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

/** Every subgraph call carries the caller's identity, signed and bound to the query sent. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: { url?: string },
    private readonly secret: string,
  ) {
    super(config);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    for (const [k, v] of Object.entries(context?.forwardHeaders ?? {})) request.http?.headers.set(k, String(v));
    request.http?.headers.set(IDENTITY_HEADER, await signIdentity(context?.identity ?? PUBLIC_IDENTITY, this.secret, request.query ?? ""));
  }
}

/** The county subgraph: any mutation may change the registry, so the shard map is re-read after it. */
class CountyDataSource extends ForwardingDataSource {
  constructor(
    url: string,
    secret: string,
    private readonly shardMap: ShardMap,
  ) {
    super({ url }, secret);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const response = await super.process(options);
    if (/^\s*mutation\b/.test(options.request.query ?? "")) this.shardMap.invalidate();
    return response;
  }
}

/** Apollo Gateway and Apollo Server on one endpoint, with the department subgraph sharded by department. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const secret = opts.auth.internalSecret;
  const users = new UserTokenVerifier(opts.auth.users);
  const shardMap = new ShardMap(
    opts.countyUrl,
    async (query) => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, secret, query) }),
    opts.shardMapTtlMs ?? 5000,
  );
  /** Headers for a plain HTTP call to a service on behalf of the caller, bound to method and path. */
  const signedFor = async (req: Request, method: string, path: string) => ({
    ...forwardHeaders(req),
    [IDENTITY_HEADER]: await signIdentity(await users.identify(req.headers.authorization), secret, `${method} ${path}`),
  });
  const supergraphSdl = readFileSync(opts.supergraphPath ?? DEFAULT_SUPERGRAPH, "utf8");
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (name === "department") return new ShardedDepartmentSource(shardMap, (u) => new ForwardingDataSource({ url: u }, secret));
      if (name === "county") return new CountyDataSource(opts.countyUrl, secret, shardMap);
      // Any other subgraph (e.g. the conformance fixtures) answers at the URL composed into the supergraph.
      return new ForwardingDataSource({ url }, secret);
    },
  });

  let apiSchema: GraphQLSchema | undefined;
  let routeProblems: string[] = [];
  const subgraphUrls = new Map<string, string>();
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema, coreSupergraphSdl }) => {
    apiSchema = schema;
    routeProblems = checkRoutes(schema, coreSupergraphSdl, opts.subscriptions?.routes ?? SUBSCRIPTION_ROUTES);
    for (const def of parse(coreSupergraphSdl).definitions) {
      if (def.kind !== "EnumTypeDefinition" || def.name.value !== "join__Graph") continue;
      for (const v of def.values ?? []) {
        const args = v.directives?.find((d) => d.name.value === "join__graph")?.arguments ?? [];
        const name = args.find((a) => a.name.value === "name")?.value;
        const url = args.find((a) => a.name.value === "url")?.value;
        if (name?.kind === "StringValue" && url?.kind === "StringValue") subgraphUrls.set(name.value, url.value);
      }
    }
  });

  const app = express();
  const httpServer = createServer(app);
  let subscriptionEndpoint: SubscriptionEndpoint | undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    introspection: opts.introspection ?? process.env.NODE_ENV !== "production",
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin<GatewayContext>(opts.limits ?? DEFAULT_LIMITS),
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
    options: {
      // Subscribers are identified like HTTP callers (Authorization in connectionParams); each event is
      // completed as a query with that identity (signed per subgraph call by the data sources).
      context: async (request) => {
        const identity = await users.identify(
          typeof request.headers.authorization === "string" ? request.headers.authorization : undefined,
        );
        return { identity, forwardHeaders: forwardHeadersFrom(request.headers) };
      },
      // The owning subgraph receives the subscriber's identity signed with each upstream subscription
      // (re-signed when it refuses an expired one after a reconnect) …
      upstreamHeaders: async (context) => ({ ...context.forwardHeaders, [IDENTITY_HEADER]: await signIdentity(context.identity, secret) }),
      ...opts.subscriptions,
      // Subscription documents obey the same depth, alias and cost limits as queries, checked at subscribe.
      authorize: async (ctx) => {
        if (ctx.phase === "subscribe" && ctx.operation) {
          const { document, operationName, variables } = ctx.operation;
          const op = document.definitions.find(
            (d): d is OperationDefinitionNode =>
              d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
          );
          const error = op && checkLimits(document, op, variables, opts.limits ?? DEFAULT_LIMITS);
          if (error) throw error;
        }
        await opts.subscriptions?.authorize?.(ctx);
      },
      // … and the gateway's shared connection to it is the gateway's own, signed on every (re)connect.
      upstream: {
        connectionParams: async () => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, secret) }),
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
    async () => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, secret) }),
    () => shardMap.invalidate(),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", service: "gateway" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      const shards = await shardMap.current();
      const departments = await Promise.all(
        shards.map(async (s) => {
          const ok = await fetch(s.url.replace(/\/graphql\/?$/, "/readyz"), { signal: AbortSignal.timeout(2000) })
            .then((r) => r.ok)
            .catch(() => false);
          return { code: s.code, name: s.name, ready: ok };
        }),
      );
      res.json({ status: "ready", county: true, departments });
    } catch {
      res.status(503).json({ status: "not ready", county: false, departments: [] });
    }
  });
  app.get("/metrics", (_req, res) => {
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
          `process_resident_memory_bytes ${m.rss}`,
          `nodejs_heap_used_bytes ${m.heapUsed}`,
        ].join("\n") + "\n",
      );
  });
  mountIde(app);
  mountImportProxy(app, shardMap, (req) => signedFor(req, "POST", "/import/subjects"));
  mountRecordProxy(app, opts.countyUrl, (req) => signedFor(req, "GET", `/draws/${req.params.id}/record.json`));
  app.get("/graphql", (req, res, next) =>
    req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.query ? res.redirect("/ide") : next(),
  );
  app.use(
    "/graphql",
    express.json({ limit: "20mb" }),
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
