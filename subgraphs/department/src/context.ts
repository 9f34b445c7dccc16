import type { EntityManager } from "@mikro-orm/core";
import type { DepartmentLoaders } from "./loaders.js";

/** Who this instance is: one department's books. */
export interface DepartmentIdentity {
  code: string;
  name: string;
}

/** Per-request context: a forked EntityManager and fresh DataLoaders, so nothing leaks between requests. */
export interface DepartmentContext {
  department: DepartmentIdentity;
  em: EntityManager;
  loaders: DepartmentLoaders;
  /** Who acts, for history rows (the signed identity arrives with the trust issue). */
  actor: string;
}
