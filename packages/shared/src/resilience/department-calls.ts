import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { buffer } from "node:stream/consumers";
import { circuitBreaker, ConsecutiveBreaker, handleAll, type CircuitBreakerPolicy } from "cockatiel";
import { BufferedResponse } from "./buffered-response.js";
import { departmentCallConfig, type DepartmentCallConfig } from "./config.js";

/** A connection the other side closed under us (a keep-alive race): safe to send an idempotent request again. */
export function isConnectionReset(e: unknown): boolean {
  for (let x = e as { code?: string; message?: string; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code === "UND_ERR_SOCKET" || x.code === "ECONNRESET" || x.code === "EPIPE" || x.code === "UND_ERR_CLOSED") return true;
    if (typeof x.message === "string" && /other side closed|socket hang up/i.test(x.message)) return true;
  }
  return false;
}

/** What a call sends: a method (GET unless said), headers and a body. */
export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface CallOptions {
  /** Reads may be sent twice; a mutation never is. */
  idempotent: boolean;
  /** The caller's own signal (e.g. the client went away). */
  signal?: AbortSignal;
}

/**
 * Every call from this process to a department instance: a deadline, one retry of an idempotent
 * request on a reset connection, and a circuit breaker per instance (cockatiel) that answers at once
 * while the instance keeps failing and lets one probe through after a pause. Failures are thrown;
 * callers turn them into DEPARTMENT_UNAVAILABLE.
 */
export class DepartmentCalls {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();

  constructor(readonly config: DepartmentCallConfig = departmentCallConfig()) {}

  /** The breaker of one instance, by its base URL. */
  breaker(url: string): CircuitBreakerPolicy {
    const key = new URL(url).origin;
    let b = this.breakers.get(key);
    if (!b) {
      b = circuitBreaker(handleAll, { halfOpenAfter: this.config.probeAfterMs, breaker: new ConsecutiveBreaker(this.config.breakAfter) });
      this.breakers.set(key, b);
    }
    return b;
  }

  /** One call through the instance's breaker, sent once more when an idempotent request met a reset connection. */
  private call<T>(href: string, opts: CallOptions, once: () => Promise<T>): Promise<T> {
    return this.breaker(href).execute(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once();
        } catch (e) {
          if (attempt === 1 && opts.idempotent && isConnectionReset(e) && !opts.signal?.aborted) continue;
          throw e;
        }
      }
    });
  }

  /**
   * A request whose answer is read whole within the deadline (the head and the body), with retry and breaker,
   * over `node:http`: undici's `fetch` reads a body through web streams, which cost the gateway ≈ 2 ms of CPU
   * more per answer of ≈ 100 KB (docs/performance.md, "The cross-department query").
   */
  async fetch(url: string | URL, init: CallInit, opts: CallOptions): Promise<BufferedResponse> {
    const href = String(url);
    return this.call(href, opts, () =>
      this.send(new URL(href), init, opts.signal, async (res, done) => {
        try {
          return BufferedResponse.of(href, res, await buffer(res));
        } finally {
          done();
        }
      }),
    );
  }

  /**
   * A GET whose answer is read as a Node stream of `Buffer`s: what the pool streams use, as undici's web streams
   * and a `TextDecoder` per chunk cost the county a noticeable share of a large freeze (docs/performance.md). The
   * deadline runs until the headers; retry and breaker as `fetch`; `signal` aborts the request and its body at
   * any time (the stream's idle deadline).
   */
  async get(url: string | URL, headers: Record<string, string>, opts: CallOptions): Promise<IncomingMessage> {
    const href = String(url);
    return this.call(href, opts, () =>
      this.send(new URL(href), { method: "GET", headers }, opts.signal, async (res, done) => {
        done();
        return res;
      }),
    );
  }

  /**
   * Sends one request; `onResponse` gets the answer's head and `done`, which ends the deadline. Until then, the
   * deadline destroys the request, or the answer being read, with an error that says so.
   */
  private send<T>(
    url: URL,
    init: CallInit,
    signal: AbortSignal | undefined,
    onResponse: (res: IncomingMessage, done: () => void) => Promise<T>,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
        method: init.method ?? "GET",
        headers: init.headers,
        signal,
      });
      let answer: IncomingMessage | undefined;
      const timer = setTimeout(() => {
        const e = new Error(`no answer within ${this.config.timeoutMs} ms from ${url.origin}`);
        if (answer) answer.destroy(e);
        else req.destroy(e);
      }, this.config.timeoutMs);
      timer.unref();
      req.once("response", (res) => {
        answer = res;
        onResponse(res, () => clearTimeout(timer)).then(resolve, reject);
      });
      req.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.end(init.body);
    });
  }
}
