import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * A year's holiday schedule loaded by the coordinator (国务院办公厅通知), used in preference to the
 * `chinese-days` package for that year. Every load is also appended to the `calendar:<year>` chain.
 */
@Entity({ tableName: "calendar_year" })
export class CalendarYear {
  [OptionalProps]?: "loadedAt";

  @PrimaryKey({ type: "integer", autoincrement: false })
  year!: number;

  @Property({ type: "json" })
  holidays!: string[];

  @Property({ type: "json" })
  workdays!: string[];

  @Property({ type: "string", length: 100 })
  loadedBy!: string;

  @Property({ type: "datetime" })
  loadedAt: Date = new Date();
}
