export * from "./identity.js";
export * from "./mask.js";
export * from "./internal-token.js";
