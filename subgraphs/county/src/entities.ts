import { Department } from "./departments/department.entity.js";

/** The county database. */
export const entities = [Department];
