import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

/**
 * SCHEDULED → IN_PROGRESS → INSPECTED → REPORTED → REVIEWED → PUBLISHED (the last three: every department's
 * report has reached at least that step), or UNREACHABLE / REFUSED (every matter gets that result, the
 * reports still follow), or CANCELLED (a reason and a second person's approval). See docs/inspection.md.
 */
export enum VisitStatus {
  SCHEDULED = "SCHEDULED",
  IN_PROGRESS = "IN_PROGRESS",
  INSPECTED = "INSPECTED",
  REPORTED = "REPORTED",
  REVIEWED = "REVIEWED",
  PUBLISHED = "PUBLISHED",
  UNREACHABLE = "UNREACHABLE",
  REFUSED = "REFUSED",
  CANCELLED = "CANCELLED",
}
registerEnumType(VisitStatus, {
  name: "VisitStatus",
  description: "检查状态：待检查、检查中、已检查、报告已提交、已审定、已公示、无法联系、不配合检查、已取消 / visit status",
});

/**
 * 检查: one trip to one subject carrying every drawn matter of every participating department that
 * supervises it, with the inspectors (and experts) the draw assigned.
 */
@ObjectType("Visit", { description: "检查（一次上门）/ one visit to one subject" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "visit" })
export class Visit {
  [OptionalProps]?: "createdAt" | "status" | "subjectName" | "directories";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  /** Null for an unplanned inspection (docs/handling.md, "Unplanned inspections"): no draw selected it. */
  @Index()
  @Property({ type: "integer", nullable: true })
  drawId!: number | null;

  @Index()
  @Property({ type: "integer", nullable: true })
  planId!: number | null;

  @Field(() => String, { description: "市场主体统一社会信用代码 / the subject's USCC" })
  @Index()
  @Property({ type: "string", length: 18 })
  uscc!: string;

  /**
   * The subject's name as the department's pool entry gave it when the draw was frozen (subject-snapshot.ts):
   * what the public results are searched by (`publishedResults(name:)`), since the county keeps no directory.
   * Null for visits drawn before it was kept (docs/inspection.md, "Published results").
   */
  @Property({ type: "string", length: 200, nullable: true })
  subjectName: string | null = null;

  /**
   * 来源名录: for a department whose matters the visit carries but whose own directory does not hold the subject
   * (a whole-system plan drawing a lower-level unit's subject), the unit whose directory does, e.g.
   * {"city": "lezhi"}: its record receives the credit feedback (docs/credit.md). Absent or null: each
   * department's own directory (every visit drawn before it was kept).
   */
  @Property({ type: "json", nullable: true })
  directories: Record<string, string> | null = null;

  /** Not a GraphQL field of its own: visit.resolver.ts shows it to signed-in users only (risk classes are not public). */
  @Property({ type: "string", length: 8 })
  stratum!: string;

  @Field(() => String, { description: "随机号（一致性抽样票号）/ the subject's ticket" })
  @Property({ type: "string", length: 100 })
  ticket!: string;

  /** Shown to signed-in users only, like the stratum (a rank and the public thresholds would reveal it). */
  @Property({ type: "integer" })
  rank!: number;

  /** Engine matter refs, e.g. ["market:12", "health:3"]. */
  @Property({ type: "json" })
  matters!: string[];

  /** The same matters by stable code, e.g. ["market:SC-1"]: what "checked recently for the same matters" compares. */
  @Property({ type: "json" })
  matterCodes!: string[];

  /** Engine inspector ids per department, e.g. {"market": ["market:7", "market:9"]}. */
  @Property({ type: "json" })
  inspectors!: Record<string, string[]>;

  /** `|market:7|market:9|`, to find an inspector's visits with one LIKE. */
  @Index()
  @Property({ type: "string", length: 2000 })
  inspectorsKey!: string;

  /** `|market|health|`: the departments whose matters the visit carries. */
  @Index()
  @Property({ type: "string", length: 1000 })
  departmentsKey!: string;

  @Property({ type: "json" })
  experts!: string[];

  @Field(() => VisitStatus)
  @Property({ type: "string", length: 16 })
  status: VisitStatus = VisitStatus.SCHEDULED;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}

/** Whose directory — and so whose record of the subject — a department's result on this visit belongs to. */
export const directoryOf = (visit: Pick<Visit, "directories">, department: string): string => visit.directories?.[department] ?? department;
