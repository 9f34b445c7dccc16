import { type IncomingMessage } from "node:http";
import { StringDecoder } from "node:string_decoder";
import {
  AppError,
  type BufferedResponse,
  CANDIDATE_TSV_TYPE,
  type CandidateLine,
  CandidateTsvReader,
  type CandidateView,
  emptyCandidateView,
  NDJSON_TYPE,
  viewOfLine,
  DepartmentCalls,
  ErrorCode,
  IdleDeadline,
  IDENTITY_HEADER,
  Role,
  signIdentity,
  serviceRoute,
  type Signer,
} from "@ssj/shared";
import type { Department } from "./department.entity.js";
import { inTurns } from "../draws/turn.js";

/**
 * How the county service talks to department instances directly (not through the gateway): GraphQL
 * for small look-ups, streams of lines (TAB-separated or NDJSON) for the pools a draw freezes. The registry gives each
 * department's URL. An instance that cannot be reached, does not answer within the deadline, or whose
 * circuit breaker is open (see `DepartmentCalls`) is a DEPARTMENT_UNAVAILABLE refusal naming it.
 */
export class DepartmentClient {
  constructor(
    private readonly signer: Signer,
    private readonly calls = new DepartmentCalls(),
  ) {}

  /** The county calls departments as a platform service, signed with the county's own key. */
  private async headers(boundTo: string): Promise<Record<string, string>> {
    return { [IDENTITY_HEADER]: await signIdentity({ sub: "county", role: Role.SERVICE }, this.signer, boundTo) };
  }

  private unavailable(d: Department, reason: unknown): AppError {
    return new AppError(ErrorCode.DEPARTMENT_UNAVAILABLE, `部门「${d.name}」（${d.code}）的服务暂时不可用，操作未执行`, {
      department: d.code,
      reason: String(reason),
    });
  }

  async graphql<T>(d: Department, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    try {
      const res = await this.calls.fetch(
        d.url,
        {
          method: "POST",
          headers: { "content-type": "application/json", ...(await this.headers(query)) },
          body: JSON.stringify({ query, variables }),
        },
        { idempotent: /^\s*(query\b|\{)/.test(query) },
      );
      body = (await res.json()) as typeof body;
    } catch (e) {
      throw this.unavailable(d, e);
    }
    if (body.errors?.length) {
      const e = body.errors[0]!;
      throw AppError.relayed(e.extensions?.code, ErrorCode.DEPARTMENT_ERROR, `部门「${d.name}」：${e.message}`, { department: d.code });
    }
    return body.data as T;
  }

  /** A JSON POST to one of the department's service routes (e.g. `/risk-classes`), signed for that method and path. */
  async post<T>(d: Department, path: string, payload: unknown): Promise<T> {
    let res: BufferedResponse;
    let body: { errors?: { message: string; extensions?: Record<string, unknown> }[] } & T;
    try {
      res = await this.calls.fetch(
        serviceRoute(d.url, path),
        {
          method: "POST",
          headers: { "content-type": "application/json", ...(await this.headers(`POST ${path}`)) },
          body: JSON.stringify(payload),
        },
        // the routes it serves are idempotent (a proposal is applied once, whatever the retries)
        { idempotent: true },
      );
      body = (await res.json()) as typeof body;
    } catch (e) {
      throw this.unavailable(d, e);
    }
    if (!res.ok) {
      const e = body.errors?.[0];
      if (!e) throw this.unavailable(d, `HTTP ${res.status}`);
      throw AppError.relayed(e.extensions?.code, ErrorCode.DEPARTMENT_ERROR, `部门「${d.name}」：${e.message}`, { department: d.code });
    }
    return body;
  }

  /**
   * Opens one of the department's pool streams (a plain `node:http` GET: no web streams), the headers within
   * the call's deadline; then a pool may stream for a minute, but a department that falls silent for the
   * stream's idle limit is hung. `read` consumes the body's chunks.
   */
  private async stream(
    d: Department,
    kind: "candidates" | "inspectors" | "experts",
    params: Record<string, string[]>,
    accept: string,
    read: (body: AsyncIterable<Buffer>, contentType: string) => Promise<void>,
  ): Promise<void> {
    const url = new URL(serviceRoute(d.url, `/pool/${kind}`));
    url.searchParams.set("department", d.code);
    for (const [k, v] of Object.entries(params)) if (v.length) url.searchParams.set(k, v.join(","));
    const idle = new IdleDeadline(this.calls.config.streamIdleMs);
    let res: IncomingMessage;
    try {
      res = await this.calls.get(
        url,
        { accept, ...(await this.headers(`GET ${url.pathname}`)) },
        { idempotent: true, signal: idle.signal },
      );
    } catch (e) {
      idle.clear();
      throw this.unavailable(d, e);
    }
    if (res.statusCode !== 200) {
      idle.clear();
      res.resume();
      throw this.unavailable(d, `HTTP ${res.statusCode}`);
    }
    idle.touch();
    const touched = async function* (body: AsyncIterable<Buffer>) {
      for await (const chunk of body) {
        idle.touch();
        yield chunk;
      }
    };
    try {
      // the county answers other requests between two chunks of a pool (draws/turn.ts)
      await read(inTurns(touched(res)), String(res.headers["content-type"] ?? ""));
    } catch (e) {
      res.destroy();
      if (e instanceof CallerError) throw e.error;
      throw this.unavailable(d, idle.expired ? `no data for ${this.calls.config.streamIdleMs} ms` : e);
    } finally {
      idle.clear();
    }
  }

  /**
   * Reads one of the department's NDJSON pool streams, a batch of lines per network chunk: a million lines
   * cost a few thousand callbacks, not a million.
   */
  async pool<T>(
    d: Department,
    kind: "candidates" | "inspectors" | "experts",
    params: Record<string, string[]>,
    onBatch: (batch: T[]) => void,
  ): Promise<void> {
    await this.stream(d, kind, params, NDJSON_TYPE, (body) => readNdjson(body, ownErrors(onBatch)));
  }

  /**
   * The candidate pool of one department, line by line into one reused view: TAB-separated lines when the
   * department speaks them (packages/shared/src/pool-tsv.ts), NDJSON otherwise.
   */
  async candidates(d: Department, params: Record<string, string[]>, callback: (line: CandidateView) => void): Promise<void> {
    const onLine = ownErrors(callback);
    await this.stream(d, "candidates", params, `${CANDIDATE_TSV_TYPE}, ${NDJSON_TYPE};q=0.5`, async (body, type) => {
      if (!type.startsWith(CANDIDATE_TSV_TYPE)) {
        const view = emptyCandidateView();
        return readNdjson<CandidateLine>(body, (batch) => {
          for (const line of batch) onLine(viewOfLine(line, view));
        });
      }
      const reader = new CandidateTsvReader(onLine);
      for await (const chunk of body) reader.push(chunk);
      reader.end();
    });
  }
}

/** An error of the caller's callback, which is its own (e.g. an invalid risk class), not the department being unavailable. */
class CallerError {
  constructor(readonly error: unknown) {}
}

function ownErrors<A>(callback: (arg: A) => void): (arg: A) => void {
  return (arg) => {
    try {
      callback(arg);
    } catch (e) {
      throw new CallerError(e);
    }
  };
}

/** NDJSON lines, one `JSON.parse` per network chunk (its whole lines joined into an array). */
async function readNdjson<T>(body: AsyncIterable<Buffer>, onBatch: (batch: T[]) => void): Promise<void> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of body) {
    const text = rest + decoder.write(chunk);
    const end = text.lastIndexOf("\n");
    rest = text.slice(end + 1);
    if (end < 0) continue;
    // a line never holds a raw LF (JSON escapes it)
    const lines = text.slice(0, end).replace(/\n+/g, ",").replace(/^,|,$/g, "");
    if (lines) onBatch(JSON.parse(`[${lines}]`) as T[]);
  }
  rest += decoder.end();
  if (rest.trim()) onBatch([JSON.parse(rest) as T]);
}
