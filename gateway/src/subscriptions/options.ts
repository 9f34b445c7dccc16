import type { GatewayContext } from "../context.js";
import type { AuthorizeSubscription, SubscriptionContextFactory } from "./auth.js";
import type { SubscriptionRoute } from "./routes.js";
import type { UpstreamOptions } from "./upstream.js";

/** How the gateway serves subscriptions (docs/subscriptions.md). */
export interface GatewaySubscriptionOptions {
  /** Called on connect and on every subscribe; throw to refuse. Default: allow all (no auth yet). */
  authorize?: AuthorizeSubscription;
  /**
   * The context a subscription's events are completed with, built when it is subscribed. Subscribers
   * whose contexts are equal plain data once the person is reduced to their identity class (role,
   * department, inspector, county: identity-class.ts) share one upstream subscription and one completion per event.
   */
  context?: SubscriptionContextFactory;
  /**
   * Headers sent with each upstream subscription (in the subscribe message's `extensions.headers`; the
   * subgraph reads them as request headers), asked again whenever the subgraph refuses them as
   * UNAUTHENTICATED (e.g. a short-lived signed identity, re-sent after a reconnect). Default: the
   * context's `forwardHeaders`.
   */
  upstreamHeaders?: (context: GatewayContext) => Record<string, string> | Promise<Record<string, string>>;
  /**
   * Completions (twin queries) the gateway runs at once; more wait their turn. Bounds the load a burst
   * of events for many distinct subscribers puts on the gateway and the subgraphs. Default 32.
   */
  completionConcurrency?: number;
  /**
   * How long a completion that finds its source briefly away (COUNTY_UNAVAILABLE, DEPARTMENT_UNAVAILABLE)
   * is asked again, with backoff, before the subscriber receives the error. Default 15,000 ms.
   */
  completionRetryMs?: number;
  /** Completed events a subscriber may leave unread before it is dropped (SLOW_CONSUMER). Default 100. */
  queueSize?: number;
  /** Reconnection to the owning subgraph after it went away. */
  upstream?: UpstreamOptions;
  /** Default: SUBSCRIPTION_ROUTES. */
  routes?: readonly SubscriptionRoute[];
}

export interface SubscriptionStats {
  /** Open graphql-ws connections of clients. */
  connections: number;
  /** Client subscriptions being served. */
  subscriptions: number;
  /** Subscriptions open upstream (one per group of subscribers with the same filter and identity class; 0 when nobody subscribes). */
  upstream: number;
  /** Events delivered to subscribers since start. */
  delivered: number;
  /** Subscribers dropped for reading too slowly since start. */
  dropped: number;
}

export interface SubscriptionEndpoint {
  stats(): SubscriptionStats;
  /**
   * The gateway's own subscription to a subgraph (e.g. the registry's changes, to refresh its shard
   * map): `onEvent` runs for each event; kept open — resubscribed after errors — until `dispose`.
   */
  watch(subgraph: string, query: string, headers: () => Promise<Record<string, string>>, onEvent: () => void): void;
  dispose(): Promise<void>;
}
