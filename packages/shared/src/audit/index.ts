export * from "./audit-event.entity.js";
export * from "./audit-log.js";
export * from "./mutation-audit.js";
