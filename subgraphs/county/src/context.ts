import type { EntityManager } from "@mikro-orm/core";
import type DataLoader from "dataloader";
import type { Department } from "./departments/department.entity.js";

/** Per-request context of the county service. */
export interface CountyContext {
  em: EntityManager;
  loaders: { departmentByCode: DataLoader<string, Department | null> };
  actor: string;
}
