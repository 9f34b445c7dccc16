import type { ApolloServer } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import pLimit from "p-limit";
import type { GatewayContext } from "../context.js";
import type { SubscriptionPlan } from "./documents.js";
import { endResult } from "./event-stream.js";

/** Completes one event id for one subscriber; `groupKey` (the group's share key, identity-class.ts) lets equal callers share it. */
export type Complete = (
  plan: SubscriptionPlan,
  id: string,
  contextValue: GatewayContext,
  groupKey: string | undefined,
) => Promise<FormattedExecutionResult | null>;

/**
 * Runs an event's twin query through `apollo.executeOperation` — the gateway's own query path, with its
 * plugins (limits) and the subscriber's context — at most `concurrency` at once (p-limit; the others wait
 * in arrival order). Completions in flight or just done are shared by the subscribers of one event in
 * the same group: one execution serves them all, exactly as if each had run it at that moment. Entries
 * are forgotten two seconds after they settle.
 */
export function createCompleter(apollo: ApolloServer<GatewayContext>, concurrency: number): Complete {
  const limit = pLimit(concurrency);
  const shared = new Map<string, Promise<FormattedExecutionResult | null>>();

  const complete = (plan: SubscriptionPlan, id: string, contextValue: GatewayContext) => limit(() => runTwin(plan, id, contextValue));

  async function runTwin(plan: SubscriptionPlan, id: string, contextValue: GatewayContext): Promise<FormattedExecutionResult | null> {
    const res = await apollo.executeOperation(
      { query: plan.twin.query, operationName: "GatewayEvent", variables: { ...plan.twin.variables, [plan.twin.idVariable]: id } },
      { contextValue },
    );
    if (res.body.kind !== "single") return endResult("INTERNAL_SERVER_ERROR", "unexpected incremental result");
    const { data, errors, extensions } = res.body.singleResult;
    const value = data?.[plan.responseKey];
    if (value == null && !errors?.length) return null; // the twin shows nothing of this event to this subscriber
    return {
      data: data ? { [plan.responseKey]: value } : null,
      ...(errors?.length ? { errors } : {}),
      ...(extensions ? { extensions } : {}),
    } as FormattedExecutionResult;
  }

  return (plan, id, contextValue, groupKey) => {
    if (groupKey === undefined) return complete(plan, id, contextValue);
    const key = `${id}\u0000${groupKey}`;
    let p = shared.get(key);
    if (!p) {
      p = complete(plan, id, contextValue);
      shared.set(key, p);
      const forget = () => void setTimeout(() => shared.delete(key), 2000).unref();
      p.then(forget, forget);
    }
    return p;
  };
}
