import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150400 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "ceremony_commitment" ("id" serial primary key, "draw_id" int not null, "department" varchar(32) not null, "sha256" varchar(64) not null, "committed_by" varchar(100) not null, "committed_at" timestamptz not null, "revealed_at" timestamptz null);`);
    this.addSql(`create index "ceremony_commitment_draw_id_index" on "ceremony_commitment" ("draw_id");`);
    this.addSql(`alter table "ceremony_commitment" add constraint "ceremony_commitment_draw_id_department_unique" unique ("draw_id", "department");`);

    this.addSql(`alter table "draw" add column "ceremony" jsonb null, add column "cancelled_at" timestamptz null, add column "cancelled_by" varchar(100) null, add column "cancel_reason" text null;`);

    this.addSql(`alter table "plan" add column "ratio_notes" jsonb null, add column "eligible_regions" jsonb null, add column "status" varchar(16) not null default 'ACTIVE', add column "updated_at" timestamptz null, add column "updated_by" varchar(100) null, add column "cancelled_at" timestamptz null, add column "cancelled_by" varchar(100) null, add column "cancel_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ceremony_commitment" cascade;`);

    this.addSql(`alter table "draw" drop column "ceremony", drop column "cancelled_at", drop column "cancelled_by", drop column "cancel_reason";`);

    this.addSql(`alter table "plan" drop column "ratio_notes", drop column "eligible_regions", drop column "status", drop column "updated_at", drop column "updated_by", drop column "cancelled_at", drop column "cancelled_by", drop column "cancel_reason";`);
  }

}
