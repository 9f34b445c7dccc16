import { Role, type Identity } from "@ssj/shared";
import type { GatewayContext } from "../context.js";
import type { SubscriptionPlan } from "./documents.js";
import { plainDataKey } from "./plain-data-key.js";

/**
 * What of an identity decides what an event may show: its role, department, inspector id, county and
 * any other claim — everything but who the person is (`sub`) and their display name. No subgraph decides
 * what a user may read from `sub` (it is only written down as the actor of a change), so subscribers of
 * one class see the same events, completed the same way. A service identity is its own class: services
 * are told apart by `sub` (e.g. the county delivering referrals).
 */
export function identityClass(identity: Identity): Partial<Identity> {
  if (identity.role === Role.SERVICE) return identity;
  const { sub: _sub, name: _name, ...claims } = identity;
  return claims;
}

/**
 * The key under which subscribers share one upstream subscription and one completion per event: the
 * same owning subgraph, upstream filter, twin query and variables, and the same context once the person
 * is reduced to their identity class (docs/subscriptions.md, "Sharing"). The token's expiry and the
 * forwarded tracing headers are left out: they change nothing in a result. Undefined when the context
 * holds more than plain data (two such contexts cannot be proven equal): that subscriber is served alone.
 */
export function shareKey(plan: SubscriptionPlan, context: GatewayContext): string | undefined {
  const { identity, expiresAt: _expiresAt, forwardHeaders: _forwardHeaders, ...rest } = context;
  const contextKey = plainDataKey({ ...rest, identity: identity ? identityClass(identity) : identity });
  if (contextKey === undefined) return undefined;
  return [
    plan.route.subgraph,
    plan.responseKey,
    plan.upstream.query,
    JSON.stringify(plan.upstream.variables),
    plan.twin.query,
    JSON.stringify(plan.twin.variables),
    contextKey,
  ].join("\u0000");
}
