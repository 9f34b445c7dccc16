import type { EntityManager } from "@mikro-orm/core";
import { Role, type Identity } from "@ssj/shared";
import { seesAll } from "../access.js";
import type { DrawChangeKind, DrawEventData, VisitChangeKind } from "./draw-change.type.js";
import { Topic } from "./message.js";
import { recordEvent } from "./record.js";

/** Records a draw step in `tx`; it is published when `tx` commits. */
export function recordDrawChange(tx: EntityManager, kind: DrawChangeKind, data: DrawEventData): void {
  recordEvent(tx, { topic: Topic.DRAW, kind, key: String(data.drawId), data: { ...data } });
}

export function recordVisitChange(tx: EntityManager, kind: VisitChangeKind, visitId: number, data: DrawEventData): void {
  recordEvent(tx, { topic: Topic.VISIT, kind, key: String(visitId), data: { ...data } });
}

/**
 * Whether a subscriber may receive an event — the same rule as querying what it is about: the
 * coordinator and auditors everything, a department's staff their department's draws, an inspector
 * only visits they are assigned to, the public only what is published.
 */
export function mayReceive(i: Identity, data: DrawEventData, visit: boolean): boolean {
  if (seesAll(i)) return true;
  if (visit && i.role === Role.INSPECTOR) return (data.inspectors ?? []).includes(`${i.department}:${i.inspectorId}`);
  if ((i.role === Role.DEPARTMENT_ADMIN || i.role === Role.INSPECTOR) && i.department && data.departments.includes(i.department))
    return true;
  return data.published;
}
