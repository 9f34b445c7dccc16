import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import type { CeremonyValue } from "@ssj/draw-engine";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum DrawStatus {
  CREATED = "CREATED",
  FROZEN = "FROZEN",
  SEEDED = "SEEDED",
  DRAWN = "DRAWN",
  PUBLISHED = "PUBLISHED",
  CANCELLED = "CANCELLED",
}
registerEnumType(DrawStatus, {
  name: "DrawStatus",
  description: "摇号进度 / draw state",
  valuesConfig: {
    CREATED: { description: "已创建 / created" },
    FROZEN: { description: "名录已冻结，摘要已公布 / pools frozen, digests published" },
    SEEDED: { description: "已录入现场随机值，种子已确定 / ceremony value entered, seed fixed" },
    DRAWN: { description: "已抽取并分配人员 / drawn and assigned" },
    PUBLISHED: { description: "已公开 / published" },
    CANCELLED: {
      description: "已撤销（仅限录入现场随机值之前，附理由，仍公开）/ cancelled before the ceremony value, with its reason; stays visible",
    },
  },
});

/**
 * 摇号: one batch of a plan. It moves CREATED → FROZEN → SEEDED → DRAWN → PUBLISHED and is never
 * repeated silently: a redraw is a new Draw (sequence + 1) with a reason and a second person's
 * approval, and this one stays public, marked superseded.
 */
@ObjectType("Draw", { description: "抽查任务（摇号）/ a draw of a plan" })
@Entity({ tableName: "draw" })
// One draw per task and sequence, enforced by the database: concurrent createDraw (or approveRedraw)
// calls each see no draw yet in their own transaction; only the first insert may win.
@Unique({ properties: ["planId", "sequence"] })
export class Draw {
  [OptionalProps]?:
    | "createdAt"
    | "frozenAt"
    | "seededAt"
    | "drawnAt"
    | "publishedAt"
    | "supersededAt"
    | "supersededById"
    | "disclosedAt"
    | "redrawReason"
    | "approvedBy"
    | "seed"
    | "ceremonyValues"
    | "counts"
    | "digests"
    | "excluded"
    | "visitCount"
    | "rules"
    | "ceremony"
    | "cancelledAt"
    | "cancelledBy"
    | "cancelReason";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  planId!: number;

  @Field(() => Int, { description: "第几次摇号（重摇时递增）/ 1 for the first draw, +1 per approved redraw" })
  @Property({ type: "integer" })
  sequence!: number;

  @Field(() => DrawStatus, { description: "进度 / state" })
  @Index()
  @Property({ type: "string", length: 16 })
  status!: DrawStatus;

  /** Pool digests, published at freeze time: {candidates, inspectors, experts}. */
  @Property({ type: "json", nullable: true })
  digests: Record<string, string> | null = null;

  /** Pool sizes and per-stratum candidate counts at freeze time. */
  @Property({ type: "json", nullable: true })
  counts: Record<string, unknown> | null = null;

  /** The draw rules (ratios, cap, region, matters), frozen with the pools. */
  @Property({ type: "json", nullable: true })
  rules: Record<string, unknown> | null = null;

  /** Subjects left out of the pool and why (互认 cooldown), at freeze time. */
  @Property({ type: "json", nullable: true })
  excluded: Record<string, number> | null = null;

  /** The canonical ceremony texts fed to the seed, in order (docs: FORMAT.md §2). */
  @Property({ type: "json", nullable: true })
  ceremonyValues: string[] | null = null;

  /** The structured values they were derived from (FORMAT.md §2.1); null for values entered as plain text. */
  @Property({ type: "json", nullable: true })
  ceremony: CeremonyValue[] | null = null;

  @Field(() => String, { nullable: true, description: "摇号种子 / the seed" })
  @Property({ type: "string", length: 64, nullable: true })
  seed: string | null = null;

  @Field(() => Int, { description: "抽中户数 / visits drawn" })
  @Property({ type: "integer" })
  visitCount: number = 0;

  @Field(() => String, { nullable: true, description: "重摇原因 / reason for this redraw" })
  @Property({ type: "text", nullable: true })
  redrawReason: string | null = null;

  @Field(() => String, { nullable: true, description: "重摇批准人 / who approved this redraw" })
  @Property({ type: "string", length: 100, nullable: true })
  approvedBy: string | null = null;

  @Field(() => String, { description: "创建人 / created by" })
  @Property({ type: "string", length: 100 })
  createdBy!: string;

  @Field(() => Date) @Property({ type: "datetime" }) createdAt: Date = new Date();
  @Field(() => Date, { nullable: true }) @Property({ type: "datetime", nullable: true }) frozenAt: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: "datetime", nullable: true }) seededAt: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: "datetime", nullable: true }) drawnAt: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: "datetime", nullable: true }) publishedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: "被重摇取代的时间（仍公开）/ superseded at (stays public)" })
  @Property({ type: "datetime", nullable: true })
  supersededAt: Date | null = null;

  @Property({ type: "integer", nullable: true })
  supersededById: number | null = null;

  @Field(() => Date, { nullable: true, description: "撤销时间 / cancelled at" })
  @Property({ type: "datetime", nullable: true })
  cancelledAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "撤销人 / cancelled by" })
  @Property({ type: "string", length: 100, nullable: true })
  cancelledBy: string | null = null;

  @Field(() => String, { nullable: true, description: "撤销理由 / why it was cancelled" })
  @Property({ type: "text", nullable: true })
  cancelReason: string | null = null;
  /** AFTER_WINDOW plans: when the full record was disclosed (logged as RECORD_DISCLOSED); null until then. */
  @Field(() => Date, { nullable: true, description: "摇号记录全文公开时间（延后公开的计划）/ full record disclosed at" })
  @Property({ type: "datetime", nullable: true })
  disclosedAt: Date | null = null;
}

/**
 * The frozen pools of a draw, stored as written at freeze time. Kept apart from the draw row: they can be large,
 * and only auditors read them. A text is stored in chunks, one row each, numbered by `seq` from 0 (pool-store.ts):
 * a county's texts run to tens of megabytes, and are built, hashed and written a chunk at a time
 * (docs/performance.md). Draws frozen before chunks stored each text as one row, which reads as chunk 0.
 */
@Entity({ tableName: "draw_pool" })
@Unique({ properties: ["drawId", "kind", "seq"] })
export class DrawPool {
  [OptionalProps]?: "seq";

  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  drawId!: number;

  /** The chunk's place in its text (0, 1, …). */
  @Property({ type: "integer", default: 0 })
  seq: number = 0;

  @Property({ type: "string", length: 16 })
  /**
   * `salts`: the per-candidate salts of the stratum commitments (subject id → salt), never public.
   * `candidates` is the canonical pool text (ssj-candidate-pool/1; a JSON array in draws frozen before
   * docs/performance.md's draw rework), `committed` the canonical committed pool text (absent in those older draws),
   * `subjects` the names and source directories of the candidates (subject-snapshot.ts; absent in older draws).
   */
  kind!: "candidates" | "inspectors" | "experts" | "salts" | "committed" | "subjects";

  @Property({ type: "text" })
  entries!: string;
}

/** The published record of a drawn draw (JSON of the engine's DrawRecord). */
@Entity({ tableName: "draw_record" })
export class DrawRecordRow {
  @PrimaryKey({ type: "integer" })
  drawId!: number;

  @Property({ type: "text" })
  record!: string;
}

/** A request to draw a plan again: a written reason, and approval by a different person. */
@ObjectType("RedrawRequest", { description: "重摇申请 / a redraw request" })
@Entity({ tableName: "redraw_request" })
export class RedrawRequest {
  [OptionalProps]?: "requestedAt" | "approvedBy" | "approvedAt" | "newDrawId";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  drawId!: number;

  @Field(() => String, { description: "原因 / reason" })
  @Property({ type: "text" })
  reason!: string;

  @Field(() => String, { description: "申请人 / requested by" })
  @Property({ type: "string", length: 100 })
  requestedBy!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  requestedAt: Date = new Date();

  @Field(() => String, { nullable: true, description: "批准人（须为另一人）/ approved by (another person)" })
  @Property({ type: "string", length: 100, nullable: true })
  approvedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  approvedAt: Date | null = null;

  @Property({ type: "integer", nullable: true })
  newDrawId: number | null = null;
}
