import "reflect-metadata";
import { envInt, envString, eventBusConfigFromEnv, keySourceFromConfig, privateKeySourceFromConfig } from "@ssj/shared";
import { startCounty } from "./service.js";

/** The county service as a process: `DATABASE_URL`, `PORT`, `REDIS_URL` (event bus shared by several instances), `REDIS_PREFIX`; `SIGNING_KEYS` (its private key set), `GATEWAY_PUBLIC_KEYS` (file, URL or JSON). */
const service = await startCounty({
  databaseUrl: envString("DATABASE_URL", "data/county.sqlite"),
  port: envInt("PORT", 4001),
  host: envString("HOST", "127.0.0.1"),
  keys: privateKeySourceFromConfig(envString("SIGNING_KEYS")),
  gatewayKeys: keySourceFromConfig(envString("GATEWAY_PUBLIC_KEYS")),
  metricsToken: process.env.METRICS_TOKEN || undefined,
  events: eventBusConfigFromEnv(),
});
console.log(`county service ready at ${service.url}`);
const stop = async () => {
  await service.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
