export { startGateway, DEFAULT_SUPERGRAPH, type GatewayOptions, type RunningGateway } from "./server.js";
export { ShardMap, type Shard } from "./sharding/shard-map.js";
