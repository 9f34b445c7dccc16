import { Migration } from '@mikro-orm/migrations';

export class Migration20261130182056 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "unplanned_inspection" ("visit_id" int not null, "department" varchar(64) not null, "legal_basis" text not null, "reason" varchar(16) not null, "reference_number" varchar(100) null, "flagged" boolean not null, "recorded_by" varchar(100) not null, "recorded_at" timestamptz not null, constraint "unplanned_inspection_pkey" primary key ("visit_id"));`);
    this.addSql(`create index "unplanned_inspection_department_index" on "unplanned_inspection" ("department");`);
    this.addSql(`create index "unplanned_inspection_flagged_index" on "unplanned_inspection" ("flagged");`);

    this.addSql(`alter table "visit" alter column "draw_id" type int using ("draw_id"::int);`);
    this.addSql(`alter table "visit" alter column "draw_id" drop not null;`);
    this.addSql(`alter table "visit" alter column "plan_id" type int using ("plan_id"::int);`);
    this.addSql(`alter table "visit" alter column "plan_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "unplanned_inspection" cascade;`);

    this.addSql(`alter table "visit" alter column "draw_id" type int4 using ("draw_id"::int4);`);
    this.addSql(`alter table "visit" alter column "draw_id" set not null;`);
    this.addSql(`alter table "visit" alter column "plan_id" type int4 using ("plan_id"::int4);`);
    this.addSql(`alter table "visit" alter column "plan_id" set not null;`);
  }

}
