import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { eventId } from "./event-id.js";

/**
 * One change in the county service, stored in the same transaction as the change itself and
 * published to the event bus after that transaction commits (see `recordEvent`). It is what
 * subscriptions deliver and what their query twins (e.g. `departmentChange(id)`) read back.
 */
@Entity({ tableName: "county_event" })
@Index({ properties: ["topic", "at"] })
export class CountyEvent {
  [OptionalProps]?: "id" | "at" | "data";

  /** UUIDv7: sorts by time of creation. */
  @PrimaryKey({ type: "string", length: 36 })
  id: string = eventId();

  /** What kind of thing changed: "department", later "draw", "visit" … (the bus topic). */
  @Property({ type: "string", length: 64 })
  topic!: string;

  /** What happened to it: REGISTERED, UPDATED, … (per topic). */
  @Property({ type: "string", length: 32 })
  kind!: string;

  /** The key of what changed (a department code, a draw id, …). */
  @Index()
  @Property({ type: "string", length: 200, fieldName: "entity_key" })
  key!: string;

  /** Small facts subscribers filter on without a database read (e.g. plan, departments). */
  @Property({ type: "json", nullable: true })
  data: Record<string, unknown> | null = null;

  @Property({ type: "datetime" })
  at: Date = new Date();
}
