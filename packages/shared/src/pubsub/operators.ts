import type { EventStream } from "./event-bus.js";

/**
 * An `EventStream` that keeps only the events `keep` accepts; ending it ends the source. For
 * subscription arguments that narrow a topic (by department, by plan, …).
 */
export function filterStream<T>(source: EventStream<T>, keep: (event: T) => boolean): EventStream<T> {
  const filtered: EventStream<T> = {
    topic: source.topic,
    ready: source.ready,
    close: () => source.close(),
    async next() {
      for (;;) {
        const r = await source.next();
        if (r.done || keep(r.value)) return r;
      }
    },
    return: () => source.return(),
    throw: (e) => source.throw(e),
    [Symbol.asyncIterator]() {
      return filtered;
    },
  };
  return filtered;
}
