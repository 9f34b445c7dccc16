import {
  AppError,
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

/**
 * How the county service talks to department instances directly (not through the gateway): GraphQL
 * for small look-ups, NDJSON streams for the pools a draw freezes. The registry gives each
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
    let res: Response;
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
   * Reads one of the department's pool streams, a batch of lines per network chunk: a million lines
   * cost a few thousand awaits, not a million.
   */
  async *pool<T>(d: Department, kind: "candidates" | "inspectors" | "experts", params: Record<string, string[]> = {}): AsyncGenerator<T[]> {
    const url = new URL(serviceRoute(d.url, `/pool/${kind}`));
    url.searchParams.set("department", d.code);
    for (const [k, v] of Object.entries(params)) if (v.length) url.searchParams.set(k, v.join(","));
    let res: Response;
    // The headers within the call's deadline; then a pool may stream for a minute, but a department
    // that falls silent for the stream's idle limit is hung.
    const idle = new IdleDeadline(this.calls.config.streamIdleMs);
    try {
      res = await this.calls.fetch(
        url,
        { headers: await this.headers(`GET ${url.pathname}`) },
        { idempotent: true, headersOnly: true, signal: idle.signal },
      );
    } catch (e) {
      idle.clear();
      throw this.unavailable(d, e);
    }
    if (!res.ok || !res.body) {
      idle.clear();
      throw this.unavailable(d, `HTTP ${res.status}`);
    }
    idle.touch();
    // Split the stream into lines by hand: much faster than readline for a million short lines.
    const decoder = new TextDecoder();
    let rest = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        idle.touch();
        const text = rest + decoder.decode(chunk, { stream: true });
        const end = text.lastIndexOf("\n");
        rest = text.slice(end + 1);
        if (end < 0) continue;
        // The chunk's whole lines as one JSON array, one parse: a line never holds a raw LF (JSON escapes it).
        const body = text.slice(0, end).replace(/\n+/g, ",").replace(/^,|,$/g, "");
        const batch = body ? (JSON.parse(`[${body}]`) as T[]) : [];
        if (batch.length) yield batch;
      }
      rest += decoder.decode();
      if (rest) yield [JSON.parse(rest) as T];
    } catch (e) {
      throw this.unavailable(d, idle.expired ? `no data for ${this.calls.config.streamIdleMs} ms` : e);
    } finally {
      idle.clear();
    }
  }
}
