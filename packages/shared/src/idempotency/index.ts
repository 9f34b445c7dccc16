export * from "./idempotency-key.entity.js";
export * from "./once.js";
