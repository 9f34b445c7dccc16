import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { formatError } from "@ssj/shared";
import express from "express";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { forwardHeaders, type GatewayContext } from "./context.js";
import { mountIde } from "./ide.js";
import { mountImportProxy } from "./import-proxy.js";
import { ShardedDepartmentSource } from "./sharding/sharded-source.js";
import { ShardMap } from "./sharding/shard-map.js";

export const DEFAULT_SUPERGRAPH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

export interface GatewayOptions {
  port: number;
  host?: string;
  /** The county service: a subgraph, and the registry the shard map is read from. */
  countyUrl: string;
  supergraphPath?: string;
  /** How long the shard map is trusted before it is read again (ms). */
  shardMapTtlMs?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: Server;
  shardMap: ShardMap;
  stop(): Promise<void>;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    for (const [k, v] of Object.entries(context?.forwardHeaders ?? {})) request.http?.headers.set(k, String(v));
  }
}

/** The county subgraph: any mutation may change the registry, so the shard map is re-read after it. */
class CountyDataSource extends ForwardingDataSource {
  constructor(
    url: string,
    private readonly shardMap: ShardMap,
  ) {
    super({ url });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const response = await super.process(options);
    if (/^\s*mutation\b/.test(options.request.query ?? "")) this.shardMap.invalidate();
    return response;
  }
}

/** Apollo Gateway and Apollo Server on one endpoint, with the department subgraph sharded by department. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const shardMap = new ShardMap(opts.countyUrl, () => ({}), opts.shardMapTtlMs ?? 5000);
  const supergraphSdl = readFileSync(opts.supergraphPath ?? DEFAULT_SUPERGRAPH, "utf8");
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (name === "department") return new ShardedDepartmentSource(shardMap, (u) => new ForwardingDataSource({ url: u }));
      if (name === "county") return new CountyDataSource(opts.countyUrl, shardMap);
      // Any other subgraph (e.g. the conformance fixtures) answers at the URL composed into the supergraph.
      return new ForwardingDataSource({ url });
    },
  });

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

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
  mountIde(app);
  mountImportProxy(app, shardMap, forwardHeaders);
  app.get("/graphql", (req, res, next) => (req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.query ? res.redirect("/ide") : next()));
  app.use("/graphql", express.json({ limit: "20mb" }), expressMiddleware(apollo, { context: async ({ req }) => ({ forwardHeaders: forwardHeaders(req) }) }));

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
    async stop() {
      await apollo.stop();
    },
  };
}
