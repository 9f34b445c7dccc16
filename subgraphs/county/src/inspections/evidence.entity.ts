import { Entity, OptionalProps, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType } from "type-graphql";

/**
 * 证据: a file attached to a visit, stored once by its SHA-256 (evidence-store.ts). The same bytes
 * uploaded again to the same visit are the same evidence (the unique key), never a replacement.
 */
@ObjectType("Evidence", { description: "检查证据（照片、视频、扫描件）/ a piece of evidence" })
@Entity({ tableName: "evidence" })
@Unique({ properties: ["visitId", "sha256"] })
export class Evidence {
  [OptionalProps]?: "uploadedAt" | "fileName";

  @Field(() => ID)
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Index()
  @Property({ type: "integer" })
  visitId!: number;

  @Field(() => String, { description: "内容的 SHA-256 / SHA-256 of the bytes" })
  @Index()
  @Property({ type: "string", length: 64 })
  sha256!: string;

  @Field(() => Int, { description: "字节数 / size in bytes" })
  @Property({ type: "integer" })
  size!: number;

  @Field(() => String, { description: "经内容识别的类型 / media type, sniffed from the bytes" })
  @Property({ type: "string", length: 100 })
  mediaType!: string;

  @Field(() => String, { nullable: true, description: "文件名 / file name as uploaded" })
  @Property({ type: "string", length: 255, nullable: true })
  fileName: string | null = null;

  @Field(() => String, { description: "上传人 / uploaded by" })
  @Property({ type: "string", length: 100 })
  uploadedBy!: string;

  @Field(() => Date, { description: "上传时间 / uploaded at" })
  @Property({ type: "datetime" })
  uploadedAt: Date = new Date();
}
