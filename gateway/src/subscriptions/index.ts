export {
  attachSubscriptionEndpoint,
  type GatewaySubscriptionOptions,
  type SubscriptionEndpoint,
  type SubscriptionStats,
} from "./endpoint.js";
export {
  allowAll,
  defaultSubscriptionContext,
  type AuthorizeSubscription,
  type SubscriptionAuthContext,
  type SubscriptionContextFactory,
} from "./auth.js";
export { SUBSCRIPTION_ROUTES, checkRoutes, subscriptionOwners, type SubscriptionRoute } from "./routes.js";
export { SubscriptionEndCode } from "./event-stream.js";
export type { UpstreamOptions } from "./upstream.js";
