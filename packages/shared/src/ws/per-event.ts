import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from "graphql";

/**
 * Like graphql-js `subscribe`, but each event is executed with a context of its own (`freshContext`),
 * as if it were a new request: no DataLoader cache or ORM identity map lives as long as the subscription,
 * so an event never shows data read for an earlier one.
 */
export async function subscribeWithFreshContext(
  args: ExecutionArgs,
  freshContext: () => Promise<unknown>,
): Promise<AsyncGenerator<ExecutionResult, void, unknown> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source as ExecutionResult;
  return mapEvents(source, async (payload) => execute({ ...args, rootValue: payload, contextValue: await freshContext() }));
}

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return typeof v === "object" && v !== null && Symbol.asyncIterator in v;
}

/** Maps each item of an async iterable; ending the result ends the source. */
export function mapEvents<T, R>(source: AsyncIterable<T>, fn: (item: T) => Promise<R>): AsyncGenerator<R, void, unknown> {
  const it = source[Symbol.asyncIterator]();
  const gen: AsyncGenerator<R, void, unknown> = {
    async next() {
      const r = await it.next();
      if (r.done) return { value: undefined, done: true };
      return { value: await fn(r.value), done: false };
    },
    async return() {
      await it.return?.();
      return { value: undefined, done: true };
    },
    async throw(e: unknown) {
      await it.return?.();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return gen;
    },
  };
  return gen;
}
