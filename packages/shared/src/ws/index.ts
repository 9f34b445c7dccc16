export { subscriptionHeaders, type SubscriptionRequest } from "./connection.js";
export { mapEvents, subscribeWithFreshContext } from "./per-event.js";
export { attachSubscriptionServer, closeAll, type SubscriptionServer, type SubscriptionServerOptions } from "./server.js";
export { createSubscriptionClient, webSocketUrl, type SubscriptionClient, type SubscriptionClientOptions } from "./client.js";
export { refuseSubscriptionsOverHttp } from "./http-refusal.js";
