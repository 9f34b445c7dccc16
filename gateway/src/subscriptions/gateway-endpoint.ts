import type { ApolloServer } from "@apollo/server";
import { IDENTITY_HEADER, signIdentity, type Signer } from "@ssj/shared";
import type { GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import { GATEWAY_SERVICE } from "../auth/gateway-service.js";
import type { UserTokenVerifier } from "../auth/user-token.js";
import { forwardHeadersFrom, type GatewayContext } from "../context.js";
import { checkCost } from "../limits/cost.js";
import type { QueryLimits } from "../limits/limits.js";
import { attachSubscriptionEndpoint, type GatewaySubscriptionOptions, type SubscriptionEndpoint } from "./endpoint.js";
import type { SocketLimits } from "./prepare.js";

/**
 * The gateway's graphql-ws endpoint with its identities and limits: subscribers are identified like HTTP
 * callers, their identity is signed for the owning subgraph, subscription documents obey the same size and
 * cost limits as queries, and the shared upstream connection is the gateway's own (docs/subscriptions.md).
 */
export function attachGatewaySubscriptions(deps: {
  httpServer: Server;
  apollo: ApolloServer<GatewayContext>;
  apiSchema: () => GraphQLSchema | undefined;
  countyUrl: string;
  subgraphUrls: ReadonlyMap<string, string>;
  users: UserTokenVerifier;
  signer: Signer;
  limits: QueryLimits;
  socketLimits: SocketLimits;
  options?: GatewaySubscriptionOptions;
}): SubscriptionEndpoint {
  const { users, signer, limits } = deps;
  const opts = deps.options;
  return attachSubscriptionEndpoint({
    httpServer: deps.httpServer,
    path: "/graphql",
    apollo: deps.apollo,
    apiSchema: deps.apiSchema,
    subgraphUrl: (name) => {
      if (name === "county") return deps.countyUrl;
      if (name === "department") throw new Error("subscriptions of the sharded department subgraph are not supported yet");
      const url = deps.subgraphUrls.get(name);
      if (!url) throw new Error(`unknown subgraph ${name}`);
      return url;
    },
    limits: deps.socketLimits,
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
      ...opts,
      // Subscription documents obey the same limits as queries: the validation rules, and the cost at subscribe.
      authorize: async (ctx) => {
        const schema = deps.apiSchema();
        if (ctx.phase === "subscribe" && ctx.operation && schema) {
          const { document, operationName, variables } = ctx.operation;
          const error = checkCost(schema, document, operationName, variables, limits);
          if (error) throw error;
        }
        await opts?.authorize?.(ctx);
      },
      // … and the gateway's shared connection to it is the gateway's own, signed on every (re)connect.
      upstream: {
        connectionParams: async () => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, signer) }),
        ...opts?.upstream,
      },
    },
  });
}
