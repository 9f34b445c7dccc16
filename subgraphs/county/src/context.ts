import type { EntityManager } from "@mikro-orm/core";
import type { EventBus, Identity } from "@ssj/shared";
import type DataLoader from "dataloader";
import type { DepartmentClient } from "./departments/department-client.js";
import type { Department } from "./departments/department.entity.js";

/** Per-request context of the county service. */
export interface CountyContext {
  em: EntityManager;
  loaders: { departmentByCode: DataLoader<string, Department | null> };
  client: DepartmentClient;
  /** Where events are published and subscriptions read from (in-process or Redis). */
  bus: EventBus;
  /** The caller, as the gateway signed it. */
  identity: Identity;
  /** The lower-level units the caller's department oversees (registry `parentCode`; departments/lower-units.ts). */
  oversees: readonly string[];
  /** The caller as written in logs. */
  actor: string;
  /** The referral outbox's worker: kicked after a referral commits, so it leaves at once (docs/handling.md). */
  referralDelivery?: { kick(): void };
}
