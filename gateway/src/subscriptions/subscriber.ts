import type { FormattedExecutionResult } from "graphql";
import type { GatewayContext } from "../context.js";
import type { SubscriptionPlan } from "./documents.js";
import { endResult, EventResultStream, SubscriptionEndCode } from "./event-stream.js";
import type { SubscriptionGroups } from "./groups.js";

/** The endpoint's running totals (see SubscriptionStats). */
export interface SubscriberCounters {
  subscriptions: number;
  delivered: number;
  dropped: number;
}

export interface SubscriberDeps {
  groups: SubscriptionGroups;
  queueSize: number;
  counters: SubscriberCounters;
}

/**
 * Serves one client subscription: joins the group of subscribers with the same filter and identity class
 * (groups.ts: one upstream subscription and one completion per event for all of them), queues the
 * group's completed events for this client, and ends the stream with a clear error when the upstream
 * fails or the subscriber's token expires. Ending the stream (client gone, upstream done) leaves the group.
 */
export async function startSubscriber(deps: SubscriberDeps, plan: SubscriptionPlan, context: GatewayContext): Promise<EventResultStream> {
  const { counters } = deps;
  const counted = (r: FormattedExecutionResult | null) => {
    if (r) counters.delivered++;
    return r;
  };
  let leave = () => undefined as void;
  let ended = false;
  let expiry: NodeJS.Timeout | undefined;
  counters.subscriptions++;
  const stream = new EventResultStream(
    deps.queueSize,
    () => {
      counters.subscriptions--;
      ended = true;
      clearTimeout(expiry);
      leave();
    },
    () => counters.dropped++,
  );
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
  const remove = await deps.groups.join(plan, context, {
    push: (result) => stream.push(result.then(counted)),
    end: (final) => stream.end(final),
  });
  if (ended) remove();
  else leave = remove;
  return stream;
}
