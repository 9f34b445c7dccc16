import "reflect-metadata";
import { envInt, envString, eventBusConfigFromEnv } from "@ssj/shared";
import { startCounty } from "./service.js";

/** The county service as a process: `DATABASE_URL`, `PORT`, `REDIS_URL` (event bus shared by several instances), `REDIS_PREFIX`, `EVIDENCE_DIR`, `EVIDENCE_MAX_MB`. */
const service = await startCounty({
  databaseUrl: envString("DATABASE_URL", "data/county.sqlite"),
  port: envInt("PORT", 4001),
  host: envString("HOST", "127.0.0.1"),
  internalSecret: envString("INTERNAL_SECRET"),
  events: eventBusConfigFromEnv(),
  evidenceDir: envString("EVIDENCE_DIR", "data/evidence"),
  evidenceMaxBytes: envInt("EVIDENCE_MAX_MB", 50) * 1024 * 1024,
});
console.log(`county service ready at ${service.url}`);
const stop = async () => {
  await service.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
