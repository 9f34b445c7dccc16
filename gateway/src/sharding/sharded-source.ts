import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GraphQLFormattedError } from "graphql";
import { mergeShardResults, type ShardResult } from "./merge.js";
import { planShardRequests } from "./plan.js";
import type { Shard, ShardMap } from "./shard-map.js";

export type SourceFactory = (url: string) => RemoteGraphQLDataSource;

function unavailable(shard: Shard): GraphQLFormattedError {
  return {
    message: `部门「${shard.name}」（${shard.code}）的服务暂时不可用，结果中不含该部门的数据`,
    extensions: { code: "DEPARTMENT_UNAVAILABLE", department: shard.code },
  };
}

/** A subgraph that answered with an HTTP error still sent GraphQL errors: keep them. */
function errorsOf(e: unknown): readonly GraphQLFormattedError[] | null {
  const body = (e as { extensions?: { response?: { body?: { errors?: GraphQLFormattedError[] } } } })?.extensions?.response?.body;
  return Array.isArray(body?.errors) ? body.errors : null;
}

/**
 * The department subgraph is one member of the supergraph but many running instances. This data
 * source stands in for it: it splits each fetch of the query plan by department (see `plan.ts`),
 * sends the parts to the instances in parallel, and merges their answers (see `merge.ts`). An
 * instance that cannot be reached costs only its own department's data, with an error naming it.
 */
export class ShardedDepartmentSource implements GraphQLDataSource {
  private readonly sources = new Map<string, RemoteGraphQLDataSource>();

  constructor(
    private readonly shardMap: ShardMap,
    private readonly sourceFor: SourceFactory,
  ) {}

  private source(url: string): RemoteGraphQLDataSource {
    let s = this.sources.get(url);
    if (!s) this.sources.set(url, (s = this.sourceFor(url)));
    return s;
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    const plan = (shards: Shard[]) => {
      const byCode = new Map(shards.map((s) => [s.code, s]));
      return {
        byCode,
        plan: planShardRequests(
          request.query!,
          variables,
          request.operationName,
          shards.map((s) => s.code),
          (c) => byCode.has(c),
        ),
      };
    };
    let { byCode, plan: p } = plan(await this.shardMap.current());
    const unknown = p.errors.filter((e) => e.extensions?.code === "UNKNOWN_DEPARTMENT").map((e) => String(e.extensions?.department));
    if (unknown.length) ({ byCode, plan: p } = plan(await this.shardMap.covering(unknown)));

    const results = await Promise.all(
      p.requests.map(async (r): Promise<ShardResult> => {
        const shard = byCode.get(r.shard)!;
        try {
          const res = await this.source(shard.url).process({
            ...options,
            request: { ...request, query: r.query, variables: r.variables, http: request.http ? { ...request.http } : undefined },
          } as GraphQLDataSourceProcessOptions);
          return { shard: r.shard, data: res.data as Record<string, unknown> | null, errors: res.errors, entityIndexes: r.entityIndexes };
        } catch (e) {
          // Entities of an unreachable department stay in the answer with only their type: their
          // fields from this subgraph are null, and the rest of the response is kept.
          const data = r.entityTypes ? { _entities: r.entityTypes.map((t) => ({ __typename: t })) } : null;
          return { shard: r.shard, data, errors: errorsOf(e) ?? [unavailable(shard)], entityIndexes: r.entityIndexes };
        }
      }),
    );
    const merged = mergeShardResults(results, p.entityCount);
    const errors = [...p.errors, ...merged.errors];
    return { data: merged.data, ...(errors.length ? { errors } : {}) };
  }
}
