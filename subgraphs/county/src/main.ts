import "reflect-metadata";
import {
  CheckpointSigner,
  envBool,
  envInt,
  envString,
  eventBusConfigFromEnv,
  keySourceFromConfig,
  privateKeySourceFromConfig,
  type PublishedKey,
} from "@ssj/shared";
import { DEFAULT_REFERRAL_ANSWER_WORKING_DAYS } from "./handling/referral-deadline.js";
import { startCounty } from "./service.js";

/**
 * The county service as a process: `DATABASE_URL`, `PORT`, `REDIS_URL` (event bus shared by several instances), `REDIS_PREFIX`, `EVIDENCE_DIR`, `EVIDENCE_MAX_MB`,
 * `REFERRAL_ANSWER_WORKING_DAYS` (days a receiving department has to answer a referral, default 10);
 * `SIGNING_KEYS` (its private key set), `GATEWAY_PUBLIC_KEYS` (file, URL or JSON);
 * `CHECKPOINT_KEY_FILE` (Ed25519 PKCS#8 PEM that signs audit-chain checkpoints; created on first start unless
 * `CHECKPOINT_KEY_CREATE=false`), `CHECKPOINT_TRUSTED_KEYS` (JSON list of earlier public keys, after a rotation).
 */
const checkpointFile = envString("CHECKPOINT_KEY_FILE", "data/checkpoint-key.pem");
const checkpointKey = CheckpointSigner.fromFile(checkpointFile, envBool("CHECKPOINT_KEY_CREATE", true));
const trustedCheckpointKeys = JSON.parse(envString("CHECKPOINT_TRUSTED_KEYS", "[]")) as PublishedKey[];
const service = await startCounty({
  databaseUrl: envString("DATABASE_URL", "data/county.sqlite"),
  port: envInt("PORT", 4001),
  host: envString("HOST", "127.0.0.1"),
  keys: privateKeySourceFromConfig(envString("SIGNING_KEYS")),
  gatewayKeys: keySourceFromConfig(envString("GATEWAY_PUBLIC_KEYS")),
  metricsToken: process.env.METRICS_TOKEN || undefined,
  events: eventBusConfigFromEnv(),
  checkpointKey,
  trustedCheckpointKeys,
  evidenceDir: envString("EVIDENCE_DIR", "data/evidence"),
  evidenceMaxBytes: envInt("EVIDENCE_MAX_MB", 50) * 1024 * 1024,
  referralDelivery: { answerWorkingDays: envInt("REFERRAL_ANSWER_WORKING_DAYS", DEFAULT_REFERRAL_ANSWER_WORKING_DAYS) },
});
console.log(`county service ready at ${service.url} (checkpoint key ${checkpointKey.publicKey.kid})`);
const stop = async () => {
  await service.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
