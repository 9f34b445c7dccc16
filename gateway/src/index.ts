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
export { mintUserToken, DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEMO_USERS } from "./auth/demo-users.js";
export type { WebAuthOptions } from "./auth/demo-idp.js";
export { UserTokenVerifier, type UserTokenConfig } from "./auth/user-token.js";
export { DEFAULT_LIMITS, type QueryLimits } from "./limits/limits.js";
export { limitRules } from "./limits/rules.js";
export { checkCost } from "./limits/cost.js";
