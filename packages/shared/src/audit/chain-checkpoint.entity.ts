import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * A signed checkpoint of a chain head (see checkpoint.ts), stored so it can be published with the
 * record. Storing it here adds nothing to its strength: its worth is the signature by a key kept out
 * of the database, and the copies held by whoever downloaded it.
 */
@Entity({ tableName: "chain_checkpoint" })
export class ChainCheckpoint {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "string", length: 64 })
  chain!: string;

  @Property({ type: "integer" })
  seq!: number;

  @Property({ type: "string", length: 64 })
  hash!: string;

  /** ISO 8601 text, exactly as signed. */
  @Property({ type: "string", length: 32 })
  at!: string;

  @Property({ type: "string", length: 16 })
  kid!: string;

  @Property({ type: "string", length: 128 })
  signature!: string;
}
