import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150708 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_year" ("year" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "loaded_by" varchar(100) not null, "loaded_at" timestamptz not null, constraint "calendar_year_pkey" primary key ("year"));`);

    this.addSql(`create table "evidence" ("id" serial primary key, "visit_id" int not null, "sha256" varchar(64) not null, "size" int not null, "media_type" varchar(100) not null, "file_name" varchar(255) null, "uploaded_by" varchar(100) not null, "uploaded_at" timestamptz not null);`);
    this.addSql(`create index "evidence_visit_id_index" on "evidence" ("visit_id");`);
    this.addSql(`create index "evidence_sha256_index" on "evidence" ("sha256");`);
    this.addSql(`alter table "evidence" add constraint "evidence_visit_id_sha256_unique" unique ("visit_id", "sha256");`);

    this.addSql(`create table "finding" ("id" serial primary key, "visit_id" int not null, "department" varchar(64) not null, "matter" varchar(100) not null, "result" varchar(40) not null, "description" text not null, "recorded_by" varchar(100) not null, "recorded_at" timestamptz not null);`);
    this.addSql(`create index "finding_visit_id_index" on "finding" ("visit_id");`);
    this.addSql(`alter table "finding" add constraint "finding_visit_id_matter_unique" unique ("visit_id", "matter");`);

    this.addSql(`create table "inspection_report" ("id" serial primary key, "visit_id" int not null, "department" varchar(64) not null, "status" varchar(16) not null default 'DRAFT', "inspection_time" text not null, "content" text not null, "steps" text not null, "findings" text not null, "evaluation" text not null, "handling" text not null, "due_date" varchar(10) not null, "publish_due_date" varchar(10) not null, "due_provisional" boolean not null default false, "submitted_by" varchar(100) null, "submitted_at" timestamptz null, "reviewed_by" varchar(100) null, "reviewed_at" timestamptz null, "return_reason" text null, "published_by" varchar(100) null, "published_at" timestamptz null, "published_late" boolean not null default false, "feedback_at" timestamptz null, "feedback_method" varchar(200) null);`);
    this.addSql(`create index "inspection_report_visit_id_index" on "inspection_report" ("visit_id");`);
    this.addSql(`create index "inspection_report_department_index" on "inspection_report" ("department");`);
    this.addSql(`alter table "inspection_report" add constraint "inspection_report_visit_id_department_unique" unique ("visit_id", "department");`);

    this.addSql(`create table "visit_on_site" ("visit_id" int not null, "started_at" timestamptz null, "started_by" varchar(100) null, "present" jsonb not null, "certificates_shown" boolean not null default false, "notice_number" varchar(100) null, "ended_at" timestamptz null, "ended_by" varchar(100) null, "outcome" varchar(16) null, "outcome_note" text null, "end_date" varchar(10) null, "cancel_requested_by" varchar(100) null, "cancel_reason" text null, "cancel_approved_by" varchar(100) null, constraint "visit_on_site_pkey" primary key ("visit_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_year" cascade;`);

    this.addSql(`drop table if exists "evidence" cascade;`);

    this.addSql(`drop table if exists "finding" cascade;`);

    this.addSql(`drop table if exists "inspection_report" cascade;`);

    this.addSql(`drop table if exists "visit_on_site" cascade;`);
  }

}
