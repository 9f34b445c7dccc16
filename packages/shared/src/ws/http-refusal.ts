import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * Subscriptions are served over WebSocket only; a subscription POSTed over HTTP gets a clear 400
 * saying so, rather than an internal error from the executor.
 */
export function refuseSubscriptionsOverHttp<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "subscription") {
            throw new GraphQLError(
              "订阅须通过 WebSocket（graphql-transport-ws 协议）连接同一地址 / subscriptions are served over WebSocket (graphql-transport-ws) at this same URL",
              {
                extensions: { code: "SUBSCRIPTION_OVER_HTTP", http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
