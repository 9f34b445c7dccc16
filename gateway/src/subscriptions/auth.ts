import { PUBLIC_IDENTITY, type SubscriptionRequest } from "@ssj/shared";
import { GraphQLError, type DocumentNode } from "graphql";
import { forwardHeadersFrom, type GatewayContext } from "../context.js";

/** What `authorize` is shown. */
export interface SubscriptionAuthContext {
  /** "connect": the client's `connection_init`; "subscribe": each subscribe message on that connection. */
  phase: "connect" | "subscribe";
  /** Upgrade request headers overlaid with `connectionParams` (and `connectionParams.headers`); the raw request and params. */
  request: SubscriptionRequest;
  /** The context every event of this connection is completed with (from `subscriptions.context`). */
  context: GatewayContext;
  /** On "subscribe": the validated operation and its subscription field (or null for a query/mutation over ws). */
  operation?: {
    document: DocumentNode;
    operationName: string | null | undefined;
    variables: Record<string, unknown>;
    field: string | null;
  };
}

/**
 * The auth hook of the subscription endpoint, called on connect AND on every subscribe. Return (or
 * resolve) to allow; throw to refuse — preferably a GraphQLError with `extensions.code`
 * UNAUTHENTICATED (connect: socket closed 4401) or FORBIDDEN (connect: 4403; subscribe: that
 * subscription gets the error, the connection stays).
 */
export type AuthorizeSubscription = (ctx: SubscriptionAuthContext) => void | Promise<void>;

/** Builds the context a subscriber's events are completed with, from what it presented. */
export type SubscriptionContextFactory = (request: SubscriptionRequest) => GatewayContext | Promise<GatewayContext>;

/**
 * The default: anyone may subscribe, as anyone may send a query — what each subscriber then receives is
 * decided event by event by the query path (the twin runs with the subscriber's identity: masking,
 * authorization, a `null` for an event it may not see).
 */
export const allowAll: AuthorizeSubscription = () => undefined;

/** The same forwarded headers as an HTTP request would give (x-request-id), as the public. */
export const defaultSubscriptionContext: SubscriptionContextFactory = (request) => ({
  identity: PUBLIC_IDENTITY,
  forwardHeaders: forwardHeadersFrom(request.headers),
});

export function asGraphQLError(e: unknown, fallbackCode = "FORBIDDEN"): GraphQLError {
  if (e instanceof GraphQLError)
    return e.extensions?.code ? e : new GraphQLError(e.message, { extensions: { ...e.extensions, code: fallbackCode } });
  return new GraphQLError(e instanceof Error ? e.message : String(e), { extensions: { code: fallbackCode } });
}
