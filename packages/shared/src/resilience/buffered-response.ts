import type { IncomingMessage } from "node:http";

const utf8 = new TextDecoder();

/**
 * A department's answer read whole into one `Buffer`: the part of the Fetch API's `Response` that Apollo's
 * data sources and the county's department client use (`ok`, `status`, `headers`, `text()`, `json()`;
 * Apollo's `FetcherResponse`). Why not undici's `Response`: its body is a web stream, and reading a large
 * answer through it (an entity fetch of a thousand subjects, ≈ 100 KB) cost the gateway ≈ 2 ms more CPU
 * per answer than `node:http` and one decode (docs/performance.md, "The cross-department query"). The body
 * can be read more than once.
 */
export class BufferedResponse {
  readonly redirected = false;
  readonly bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    private readonly body: Buffer,
  ) {}

  /** The answer of `res`, whose body has been read into `body`. */
  static of(url: string, res: IncomingMessage, body: Buffer): BufferedResponse {
    const headers = new Headers();
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    return new BufferedResponse(url, res.statusCode ?? 0, res.statusMessage ?? "", headers, body);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** UTF-8, a byte order mark dropped, as `Response.text()` decodes. */
  async text(): Promise<string> {
    return utf8.decode(this.body);
  }

  async json(): Promise<unknown> {
    return JSON.parse(utf8.decode(this.body));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.body).buffer;
  }

  clone(): BufferedResponse {
    return this;
  }
}
