import { envInt, envString } from "@ssj/shared";
import { startGateway } from "./server.js";

/** The gateway as a process: `PORT`, `COUNTY_URL`, `SUPERGRAPH` (path). */
const gateway = await startGateway({
  port: envInt("PORT", 4000),
  host: envString("HOST", "127.0.0.1"),
  countyUrl: envString("COUNTY_URL", "http://127.0.0.1:4001/graphql"),
  supergraphPath: process.env.SUPERGRAPH || undefined,
  shardMapTtlMs: envInt("SHARD_MAP_TTL_MS", 5000),
});
console.log(`gateway ready at ${gateway.url}`);
const stop = async () => {
  await gateway.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
