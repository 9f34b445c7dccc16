export * from "./enforcement-categories.js";
export * from "./enforcement-category.type.js";
