import type { EntityManager } from "@mikro-orm/core";
import type { Identity } from "@ssj/shared";
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
  /** The caller, as the gateway (or the county) signed it. */
  identity: Identity;
  /** The caller as written in history rows and logs. */
  actor: string;
}
