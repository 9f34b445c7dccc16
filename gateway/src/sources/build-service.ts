import type { ServiceEndpointDefinition } from "@apollo/gateway";
import type { DepartmentCalls, SignedIdentityCache } from "@ssj/shared";
import { departmentFetcher } from "../resilience/department-fetcher.js";
import { ShardedDepartmentSource } from "../sharding/sharded-source.js";
import type { ShardMap } from "../sharding/shard-map.js";
import { CountyDataSource } from "./county-source.js";
import { ForwardingDataSource } from "./forwarding-source.js";

/**
 * Apollo Gateway's `buildService`: the department subgraph (both its members) is sharded across its instances (deadline and
 * circuit breaker per instance), the county is reached at its configured URL, and any other subgraph (e.g.
 * the conformance fixtures) at the URL composed into the supergraph. `subgraphUrls` records each composed
 * URL (the subscription endpoint connects to them).
 */
export function serviceBuilder(deps: {
  countyUrl: string;
  shardMap: ShardMap;
  tokens: SignedIdentityCache;
  calls: DepartmentCalls;
  subgraphUrls: Map<string, string>;
}) {
  const { countyUrl, shardMap, tokens, calls, subgraphUrls } = deps;
  let departments: ShardedDepartmentSource | undefined;
  return ({ name, url }: ServiceEndpointDefinition) => {
    if (url) subgraphUrls.set(name, url);
    // `subject-records` is the same department instances composed apart (docs/architecture.md)
    if (name === "department" || name === "subject-records")
      return (departments ??= new ShardedDepartmentSource(
        shardMap,
        (u) => new ForwardingDataSource({ url: u, fetcher: departmentFetcher(calls) }, tokens),
      ));
    if (name === "county") return new CountyDataSource(countyUrl, tokens, shardMap);
    return new ForwardingDataSource({ url }, tokens);
  };
}
