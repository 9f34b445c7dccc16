import { createClient, type Client, type ClientOptions } from "graphql-ws";
import WebSocket from "ws";

/** The ws:// (or wss://) URL of a GraphQL endpoint given by its http(s):// URL: same port, same path. */
export function webSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http(s?):\/\//i, "ws$1://");
}

/** A graphql-ws client for Node (the `ws` package as WebSocket). */
export function createSubscriptionClient(options: Omit<ClientOptions, "webSocketImpl">): Client {
  return createClient({ webSocketImpl: WebSocket, ...options });
}

export type { Client as SubscriptionClient, ClientOptions as SubscriptionClientOptions } from "graphql-ws";
