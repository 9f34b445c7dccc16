export * from "./buffered-response.js";
export * from "./config.js";
export * from "./department-calls.js";
export * from "./idle-deadline.js";
