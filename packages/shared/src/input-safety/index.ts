export * from "./text.js";
export * from "./document.js";
export * from "./plugin.js";
