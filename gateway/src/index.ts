export { startGateway, DEFAULT_SUPERGRAPH, type GatewayOptions, type RunningGateway } from "./server.js";
export { ShardMap, type Shard } from "./sharding/shard-map.js";
export {
  SUBSCRIPTION_ROUTES,
  SubscriptionEndCode,
  allowAll,
  defaultSubscriptionContext,
  type AuthorizeSubscription,
  type GatewaySubscriptionOptions,
  type SubscriptionAuthContext,
  type SubscriptionContextFactory,
  type SubscriptionRoute,
  type SubscriptionStats,
} from "./subscriptions/index.js";
