import "reflect-metadata";
import { envInt, envString, keySourceFromConfig, privateKeySourceFromConfig } from "@ssj/shared";
import { startDepartment } from "./service.js";

/** One department instance as a process: `DEPARTMENT_CODE`, `DEPARTMENT_NAME`, `DATABASE_URL`, `PORT`, `SIGNING_KEYS`, `GATEWAY_PUBLIC_KEYS`, `COUNTY_PUBLIC_KEYS`. */
const code = envString("DEPARTMENT_CODE");
const service = await startDepartment({
  code,
  name: envString("DEPARTMENT_NAME"),
  databaseUrl: envString("DATABASE_URL", `data/department-${code}.sqlite`),
  port: envInt("PORT", 4100),
  host: envString("HOST", "127.0.0.1"),
  keys: privateKeySourceFromConfig(envString("SIGNING_KEYS")),
  trust: { gateway: keySourceFromConfig(envString("GATEWAY_PUBLIC_KEYS")), county: keySourceFromConfig(envString("COUNTY_PUBLIC_KEYS")) },
  metricsToken: process.env.METRICS_TOKEN || undefined,
});
console.log(`department ${code} ready at ${service.url}`);
const stop = async () => {
  await service.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
