import type { ApolloServer } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import pLimit from "p-limit";
import pRetry from "p-retry";
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

/** Codes of a source that is down for a moment (a restarting county or department instance): worth asking again. */
const TRANSIENT = new Set<unknown>(["COUNTY_UNAVAILABLE", "DEPARTMENT_UNAVAILABLE"]);

/** The result's errors are all of a source that is briefly away (never a refusal, which asking again would not change). */
function transient(result: FormattedExecutionResult | null): boolean {
  return !!result?.errors?.length && result.errors.every((e) => TRANSIENT.has(e.extensions?.code));
}

/** A completion that met a source briefly away, carried through p-retry. */
class TransientResult extends Error {
  constructor(readonly result: FormattedExecutionResult) {
    super("transient");
  }
}

/**
 * Runs an event's twin query through `apollo.executeOperation` — the gateway's own query path, with its
 * plugins (limits) and the subscriber's context — at most `concurrency` at once (p-limit; the others wait
 * in arrival order). Completions in flight or just done are shared by the subscribers of one event in
 * the same group: one execution serves them all, exactly as if each had run it at that moment. Entries
 * are forgotten two seconds after they settle.
 */
export function createCompleter(apollo: ApolloServer<GatewayContext>, concurrency: number, retryMs = 15_000): Complete {
  const limit = pLimit(concurrency);
  const shared = new Map<string, Promise<FormattedExecutionResult | null>>();

  /**
   * The event is stored by its source before it is announced, so a completion that finds the source
   * away (the instance that announced it killed a moment later, a department restarting) is asked again
   * with backoff for up to `retryMs` instead of delivering the subscriber an error for an event that
   * happened. Each attempt waits its turn in the concurrency limit; the subscriber's later events wait
   * behind it, so the order is kept.
   */
  const complete = (plan: SubscriptionPlan, id: string, contextValue: GatewayContext) =>
    pRetry(
      async () => {
        const result = await limit(() => runTwin(plan, id, contextValue));
        if (transient(result)) throw new TransientResult(result!);
        return result;
      },
      {
        retries: 10,
        minTimeout: 200,
        factor: 2,
        maxTimeout: 3_000,
        maxRetryTime: retryMs,
        shouldRetry: (e) => e instanceof TransientResult,
      },
    ).catch((e: unknown) => {
      if (e instanceof TransientResult) return e.result; // still away after retryMs: the subscriber gets the error
      throw e;
    });

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
