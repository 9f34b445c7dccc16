import { Migration } from '@mikro-orm/migrations';

export class Migration20261127204159 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" serial primary key, "chain" varchar(64) not null, "seq" int not null, "action" varchar(64) not null, "actor" varchar(100) not null, "at" timestamptz not null, "payload" text not null, "state_digest" varchar(64) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_event_chain_index" on "audit_event" ("chain");`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_chain_seq_unique" unique ("chain", "seq");`);

    this.addSql(`create table "draw" ("id" serial primary key, "plan_id" int not null, "sequence" int not null, "status" varchar(16) not null, "digests" jsonb null, "counts" jsonb null, "rules" jsonb null, "excluded" jsonb null, "ceremony_values" jsonb null, "seed" varchar(64) null, "visit_count" int not null default 0, "redraw_reason" text null, "approved_by" varchar(100) null, "created_by" varchar(100) not null, "created_at" timestamptz not null, "frozen_at" timestamptz null, "seeded_at" timestamptz null, "drawn_at" timestamptz null, "published_at" timestamptz null, "superseded_at" timestamptz null, "superseded_by_id" int null);`);
    this.addSql(`create index "draw_plan_id_index" on "draw" ("plan_id");`);
    this.addSql(`create index "draw_status_index" on "draw" ("status");`);

    this.addSql(`create table "draw_pool" ("id" serial primary key, "draw_id" int not null, "kind" varchar(16) not null, "entries" text not null);`);
    this.addSql(`create index "draw_pool_draw_id_index" on "draw_pool" ("draw_id");`);

    this.addSql(`create table "draw_record" ("draw_id" serial primary key, "record" text not null);`);

    this.addSql(`create table "plan" ("id" serial primary key, "name" varchar(200) not null, "kind" varchar(16) not null, "lead_department" varchar(32) not null, "departments" jsonb not null, "departments_key" varchar(1000) not null, "matters" jsonb not null, "scope_regions" jsonb not null, "scope_categories" jsonb not null, "scope_supervision_types" jsonb not null, "ratios" jsonb not null, "window_start" varchar(10) not null, "window_end" varchar(10) not null, "cap" int null, "min_inspectors" int not null, "workload_cap" int null, "allow_borrowing" boolean not null, "cooldown_days" int null, "created_by" varchar(100) not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "plan_lead_department_index" on "plan" ("lead_department");`);
    this.addSql(`create index "plan_departments_key_index" on "plan" ("departments_key");`);

    this.addSql(`create table "redraw_request" ("id" serial primary key, "draw_id" int not null, "reason" text not null, "requested_by" varchar(100) not null, "requested_at" timestamptz not null, "approved_by" varchar(100) null, "approved_at" timestamptz null, "new_draw_id" int null);`);
    this.addSql(`create index "redraw_request_draw_id_index" on "redraw_request" ("draw_id");`);

    this.addSql(`create table "visit" ("id" serial primary key, "draw_id" int not null, "plan_id" int not null, "uscc" varchar(18) not null, "stratum" varchar(8) not null, "ticket" varchar(100) not null, "rank" int not null, "matters" jsonb not null, "inspectors" jsonb not null, "inspectors_key" varchar(2000) not null, "departments_key" varchar(1000) not null, "experts" jsonb not null, "status" varchar(16) not null default 'SCHEDULED', "created_at" timestamptz not null);`);
    this.addSql(`create index "visit_draw_id_index" on "visit" ("draw_id");`);
    this.addSql(`create index "visit_plan_id_index" on "visit" ("plan_id");`);
    this.addSql(`create index "visit_uscc_index" on "visit" ("uscc");`);
    this.addSql(`create index "visit_inspectors_key_index" on "visit" ("inspectors_key");`);
    this.addSql(`create index "visit_departments_key_index" on "visit" ("departments_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "draw" cascade;`);

    this.addSql(`drop table if exists "draw_pool" cascade;`);

    this.addSql(`drop table if exists "draw_record" cascade;`);

    this.addSql(`drop table if exists "plan" cascade;`);

    this.addSql(`drop table if exists "redraw_request" cascade;`);

    this.addSql(`drop table if exists "visit" cascade;`);
  }

}
