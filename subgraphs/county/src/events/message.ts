import type { CountyEvent } from "./event.entity.js";

/** What goes over the event bus for a stored `CountyEvent` (JSON: `at` is an ISO string). */
export interface EventMessage {
  id: string;
  topic: string;
  kind: string;
  key: string;
  at: string;
  data: Record<string, unknown> | null;
}

export function toMessage(e: CountyEvent): EventMessage {
  return { id: e.id, topic: e.topic, kind: e.kind, key: e.key, at: e.at.toISOString(), data: e.data };
}

/** Bus topics of the county service. */
export const Topic = {
  DEPARTMENT: "county.department",
  DRAW: "county.draw",
  VISIT: "county.visit",
} as const;
