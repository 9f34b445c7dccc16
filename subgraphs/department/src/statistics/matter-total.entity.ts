import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * 检查事项总数: how many enforcement inspection matters (行政检查事项) the department has in a year, as it declares.
 * The denominator of the random-inspection share (docs/statistics.md). Kept in the department's own books, next to
 * its matters, so that "not below the published random-inspection matters" is checked in the same database as the
 * matters it counts (docs/architecture.md). One row per year; a new declaration replaces the figure, the mutation
 * log keeps every one.
 */
@Entity({ tableName: "inspection_matter_total" })
export class InspectionMatterTotal {
  [OptionalProps]?: "declaredAt";

  @PrimaryKey({ type: "integer", autoincrement: false })
  year!: number;

  @Property({ type: "integer" })
  total!: number;

  @Property({ type: "string", length: 100 })
  declaredBy!: string;

  @Property({ type: "datetime" })
  declaredAt: Date = new Date();
}
