import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * 移送发件箱: one row per referral, written in the same transaction as the handling decision, so a referral
 * exists exactly when the decision does. The delivery worker (`referral-delivery.ts`) sends it to the
 * receiving department's own instance until that instance confirms; the receiver keys on `id`, so a retry
 * after a lost answer stores nothing twice.
 */
@Entity({ tableName: "referral_outbox" })
export class ReferralOutbox {
  [OptionalProps]?: "attempts" | "nextAttemptAt" | "deliveredAt" | "lastError" | "createdAt";

  /** The referral's id: the handling decision's id. */
  @PrimaryKey({ type: "integer", autoincrement: false })
  id!: number;

  @Property({ type: "string", length: 64 })
  toDepartment!: string;

  /** What the receiving department stores (ReferralDeliveryInput of the department contract), as JSON. */
  @Property({ type: "text" })
  payload!: string;

  @Property({ type: "integer" })
  attempts: number = 0;

  @Index()
  @Property({ type: "datetime" })
  nextAttemptAt: Date = new Date();

  @Property({ type: "datetime", nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: "text", nullable: true })
  lastError: string | null = null;

  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
