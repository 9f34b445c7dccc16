export * from "./identity.js";
export * from "./mask.js";
export * from "./keys.js";
export * from "./internal-token.js";
export * from "./scrape-token.js";
export * from "./token-cache.js";
