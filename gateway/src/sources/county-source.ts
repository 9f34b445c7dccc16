import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { SignedIdentityCache } from "@ssj/shared";
import type { GatewayContext } from "../context.js";
import { countyUnavailable, subgraphErrorsOf } from "../resilience/county-unavailable.js";
import type { ShardMap } from "../sharding/shard-map.js";
import { ForwardingDataSource } from "./forwarding-source.js";

/** The county subgraph: any mutation may change the registry, so the shard map is re-read after it. */
export class CountyDataSource extends ForwardingDataSource {
  constructor(
    url: string,
    tokens: SignedIdentityCache,
    private readonly shardMap: ShardMap,
  ) {
    super({ url }, tokens);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<ForwardingDataSource["process"]> {
    const response = await super.process(options).catch((e) => {
      const errors = subgraphErrorsOf(e);
      if (errors) return { errors };
      throw countyUnavailable(e);
    });
    if (/^\s*mutation\b/.test(options.request.query ?? "")) this.shardMap.invalidate();
    return response;
  }
}
