import type { Request } from "express";

/** What the gateway keeps of an incoming request for the subgraph calls it makes. */
export interface GatewayContext {
  forwardHeaders: Record<string, string>;
}

const FORWARDED = ["x-actor", "x-request-id"];

export function forwardHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of FORWARDED) {
    const v = req.headers[h];
    if (typeof v === "string") out[h] = v;
  }
  return out;
}
