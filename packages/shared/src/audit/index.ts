export * from "./audit-event.entity.js";
export * from "./audit-log.js";
export * from "./mutation-audit.js";
export * from "./checkpoint.js";
export * from "./chain-checkpoint.entity.js";
export * from "./audit-query.js";
export * from "./audit-outcome.resolver.js";
