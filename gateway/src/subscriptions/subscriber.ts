import type { FormattedExecutionResult } from "graphql";
import type { GatewayContext } from "../context.js";
import { completionGroup, type Complete } from "./completions.js";
import type { SubscriptionPlan } from "./documents.js";
import { endResult, EventResultStream, SubscriptionEndCode } from "./event-stream.js";
import type { UpstreamConnections } from "./upstream.js";

/** The endpoint's running totals (see SubscriptionStats). */
export interface SubscriberCounters {
  subscriptions: number;
  delivered: number;
  dropped: number;
}

export interface SubscriberDeps {
  upstream: UpstreamConnections;
  subgraphUrl: (name: string) => string;
  upstreamHeaders: (context: GatewayContext) => Record<string, string> | Promise<Record<string, string>>;
  complete: Complete;
  queueSize: number;
  counters: SubscriberCounters;
}

/** How often a refused (expired) forwarded identity is signed anew before the subscription ends. */
const MAX_RENEWALS = 3;

/**
 * Serves one client subscription: forwards it to the owning subgraph (selecting only the event id),
 * completes each id for this subscriber, and ends the stream with a clear error when the upstream fails
 * or the subscriber's token expires. Ending the stream (client gone, upstream done) releases upstream.
 */
export async function startSubscriber(deps: SubscriberDeps, plan: SubscriptionPlan, context: GatewayContext): Promise<EventResultStream> {
  const { counters } = deps;
  const route = plan.route;
  const groupKey = completionGroup(plan, context);
  const counted = (r: FormattedExecutionResult | null) => {
    if (r) counters.delivered++;
    return r;
  };
  let release = () => undefined as void;
  let ended = false;
  let expiry: NodeJS.Timeout | undefined;
  counters.subscriptions++;
  const stream = new EventResultStream(
    deps.queueSize,
    () => {
      counters.subscriptions--;
      ended = true;
      clearTimeout(expiry);
      release();
    },
    () => counters.dropped++,
  );
  let renewals = 0;
  const open = async (): Promise<void> => {
    const headers = await deps.upstreamHeaders(context);
    if (ended) return;
    release = deps.upstream.subscribe(
      deps.subgraphUrl(route.subgraph),
      { query: plan.upstream.query, variables: plan.upstream.variables, extensions: { headers } },
      {
        next: (r) => {
          const event = r.data?.[route.field] as Record<string, unknown> | null | undefined;
          const id = event?.[route.idField ?? "id"];
          if (typeof id === "string" || typeof id === "number")
            stream.push(deps.complete(plan, String(id), context, groupKey).then(counted));
          else if (r.errors?.length) stream.push(Promise.resolve({ errors: r.errors }));
        },
        error: (kind, errors, detail) => {
          if (kind === "graphql" && errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED") && renewals++ < MAX_RENEWALS) {
            // The forwarded identity is short-lived: after a reconnect the client re-sent an expired one. Sign anew.
            open().catch((e: unknown) => stream.end(endResult(SubscriptionEndCode.UPSTREAM_ERROR, String(e))));
            return;
          }
          if (kind === "graphql") {
            stream.end({
              errors: (errors ?? []).map((e) => ({ ...e, extensions: { code: SubscriptionEndCode.UPSTREAM_ERROR, ...e.extensions } })),
            });
          } else {
            stream.end(
              endResult(
                SubscriptionEndCode.UPSTREAM_UNAVAILABLE,
                `订阅来源服务（${route.subgraph}）不可用，重试后仍无法连接，订阅已结束，请重新订阅 / the ${route.subgraph} service is unavailable after retries (${detail}); subscription ended, subscribe again`,
              ),
            );
          }
        },
        complete: () => stream.end(),
      },
    );
  };
  // A subscription lives no longer than its subscriber's token: at expiry it ends with a clear error.
  if (context.expiresAt !== undefined) {
    const endExpired = () =>
      stream.end(
        endResult(
          SubscriptionEndCode.TOKEN_EXPIRED,
          "登录令牌已过期，订阅已结束，请重新登录后再订阅 / the token expired; subscription ended, sign in and subscribe again",
        ),
      );
    const left = context.expiresAt - Date.now();
    if (left <= 0) {
      endExpired();
      return stream;
    }
    expiry = setTimeout(endExpired, Math.min(left, 2 ** 31 - 1));
    expiry.unref();
  }
  await open();
  return stream;
}
