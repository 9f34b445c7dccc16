import type { IncomingMessage } from "node:http";

/** What a subscriber presented: its upgrade request and the graphql-ws `connectionParams`. */
export interface SubscriptionRequest {
  /**
   * Request headers as a subgraph reads them over HTTP, lower-case names: the WebSocket upgrade
   * request's headers, overlaid with `connectionParams.headers` (or string-valued `connectionParams`),
   * overlaid with the subscribe message's `extensions.headers` (how the gateway forwards a subscriber's
   * headers on its shared upstream connection).
   */
  headers: Record<string, string>;
  connectionParams: Readonly<Record<string, unknown>>;
  request: IncomingMessage;
}

function stringEntries(o: unknown): [string, string][] {
  if (!o || typeof o !== "object") return [];
  return Object.entries(o as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
}

/** Merges the upgrade request's headers, connection params and per-operation extension headers. */
export function subscriptionHeaders(
  request: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  extensions?: Readonly<Record<string, unknown>> | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) if (typeof v === "string") out[k.toLowerCase()] = v;
  const params = connectionParams ?? {};
  for (const [k, v] of stringEntries(params)) out[k.toLowerCase()] = v;
  for (const [k, v] of stringEntries(params.headers)) out[k.toLowerCase()] = v;
  for (const [k, v] of stringEntries(extensions?.headers)) out[k.toLowerCase()] = v;
  return out;
}
