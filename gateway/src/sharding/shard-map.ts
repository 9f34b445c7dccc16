import { AppError, ErrorCode } from "@ssj/shared";

export interface Shard {
  code: string;
  name: string;
  url: string;
}

const QUERY = "query ShardMap { departments(first: 1000) { nodes { code name url } } }";

/**
 * The gateway's map from department code to department instance, read from the county registry.
 * It is refreshed when older than `ttlMs`, and at once (at most every `minRefreshMs`) when a request
 * names a department it does not know: a department registered while everything runs is reachable
 * without restarting the gateway. If the county service is down, the last known map is used.
 */
export class ShardMap {
  private shards: Shard[] = [];
  private loadedAt = 0;
  /** A map was read at least once: after `invalidate()` a failed re-read serves it rather than failing. */
  private loadedOnce = false;
  private inflight: Promise<void> | null = null;

  constructor(
    private readonly countyUrl: string,
    /** Headers for the registry request (the gateway signs it as a platform service), given its query. */
    private readonly headers: (query: string) => Promise<Record<string, string>> | Record<string, string> = () => ({}),
    private readonly ttlMs = 5000,
    private readonly minRefreshMs = 200,
  ) {}

  private refresh(): Promise<void> {
    this.inflight ??= (async () => {
      try {
        const res = await fetch(this.countyUrl, {
          method: "POST",
          headers: { "content-type": "application/json", ...(await this.headers(QUERY)) },
          body: JSON.stringify({ query: QUERY }),
          signal: AbortSignal.timeout(5000),
        });
        const body = (await res.json()) as { data?: { departments?: { nodes: Shard[] } }; errors?: { message: string }[] };
        if (!body.data?.departments) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
        this.shards = body.data.departments.nodes;
        this.loadedAt = Date.now();
        this.loadedOnce = true;
      } catch (e) {
        if (!this.loadedOnce) {
          throw new AppError(ErrorCode.COUNTY_UNAVAILABLE, "县级协调服务（部门登记）暂时不可用，无法确定各部门服务地址", {
            reason: String(e),
          });
        }
        this.loadedAt = Date.now() - this.ttlMs + this.minRefreshMs; // retry soon, serve the last map meanwhile
      } finally {
        this.inflight = null;
      }
    })();
    return this.inflight;
  }

  /** Forget the map: the next request reads the registry again (called after a registry change). */
  invalidate(): void {
    this.loadedAt = 0;
  }

  /** The registered departments, in registry order. */
  async current(): Promise<Shard[]> {
    if (Date.now() - this.loadedAt > this.ttlMs) await this.refresh();
    return this.shards;
  }

  /** Makes sure every code is known if the registry knows it (refreshing once), then returns the map. */
  async covering(codes: Iterable<string>): Promise<Shard[]> {
    const shards = await this.current();
    const known = new Set(shards.map((s) => s.code));
    const missing = [...codes].some((c) => !known.has(c));
    if (missing && Date.now() - this.loadedAt > this.minRefreshMs) await this.refresh();
    return this.shards;
  }
}
