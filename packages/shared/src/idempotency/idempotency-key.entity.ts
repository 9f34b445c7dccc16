import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * A committed mutation that carried an idempotency key: written in the same transaction as the change,
 * so a client that lost the answer (the service died right after the commit) can retry with the same
 * key and receive the committed result instead of INVALID_STATE. See docs/deployment.md.
 */
@Entity({ tableName: "idempotency_key" })
export class IdempotencyKey {
  [OptionalProps]?: "createdAt";

  /** The client's key (any text up to 200 characters, e.g. a UUID). */
  @PrimaryKey({ type: "string", length: 200 })
  key!: string;

  /** The mutation the key was used for: the same key on another mutation is refused. */
  @Property({ type: "string", length: 64 })
  operation!: string;

  /** Who used it: another person's key is not theirs to replay. */
  @Property({ type: "text" })
  actor!: string;

  /** The id of the result (the draw, the import report …), read again on a retry. */
  @Property({ type: "text" })
  result!: string;

  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
