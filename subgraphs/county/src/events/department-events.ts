import type { EntityManager } from "@mikro-orm/core";
import { DepartmentChangeKind } from "./department-change.type.js";
import { Topic } from "./message.js";
import { recordEvent } from "./record.js";

/** Records a registry change in the transaction `tx`; it is published when `tx` commits. */
export function recordDepartmentChange(tx: EntityManager, kind: DepartmentChangeKind, code: string): void {
  recordEvent(tx, { topic: Topic.DEPARTMENT, kind, key: code });
}

export { DepartmentChangeKind };
