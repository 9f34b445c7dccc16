import type { Identity } from "@ssj/shared";
import type { Request } from "express";

/** What the gateway keeps of an incoming request for the subgraph calls it makes. */
export interface GatewayContext {
  /** The caller, from a verified bearer token (or the public). */
  identity: Identity;
  /** When the caller's token expires (ms since the epoch); none for the public. A subscription ends then. */
  expiresAt?: number;
  forwardHeaders: Record<string, string>;
}

const FORWARDED = ["x-request-id"];

export function forwardHeaders(req: Request): Record<string, string> {
  return forwardHeadersFrom(req.headers);
}

/** The same from plain headers (lower-case names), e.g. a WebSocket subscriber's merged headers. */
export function forwardHeadersFrom(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of FORWARDED) {
    const v = headers[h];
    if (typeof v === "string") out[h] = v;
  }
  return out;
}
