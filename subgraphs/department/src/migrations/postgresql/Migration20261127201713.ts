import { Migration } from '@mikro-orm/migrations';

export class Migration20261127201713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "expert" ("id" serial primary key, "name" varchar(50) not null, "organization" varchar(200) not null, "expertise" jsonb not null, "region" varchar(12) not null, "phone" varchar(32) null, "active" boolean not null default true, "created_at" timestamptz not null);`);

    this.addSql(`create table "inspector" ("id" serial primary key, "name" varchar(50) not null, "certificate_no" varchar(64) not null, "categories" jsonb not null, "region" varchar(12) not null, "expertise" jsonb not null, "phone" varchar(32) null, "status" varchar(16) not null default 'ACTIVE', "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "inspector" add constraint "inspector_certificate_no_unique" unique ("certificate_no");`);
    this.addSql(`create index "inspector_region_index" on "inspector" ("region");`);
    this.addSql(`create index "inspector_status_index" on "inspector" ("status");`);

    this.addSql(`create table "inspector_conflict" ("id" serial primary key, "inspector_id" int not null, "uscc" varchar(18) not null, "reason" text not null, "declared_at" timestamptz not null, "withdrawn_at" timestamptz null);`);
    this.addSql(`create index "inspector_conflict_inspector_id_index" on "inspector_conflict" ("inspector_id");`);
    this.addSql(`create index "inspector_conflict_uscc_index" on "inspector_conflict" ("uscc");`);

    this.addSql(`create table "inspector_status_change" ("id" serial primary key, "inspector_id" int not null, "from_status" varchar(16) null, "to_status" varchar(16) not null, "reason" text not null, "transferred_to" varchar(200) null, "actor" varchar(100) not null, "at" timestamptz not null);`);
    this.addSql(`create index "inspector_status_change_inspector_id_index" on "inspector_status_change" ("inspector_id");`);

    this.addSql(`create table "matter" ("id" serial primary key, "code" varchar(64) not null, "version" int not null, "name" varchar(200) not null, "sub_item" varchar(200) not null, "legal_basis" text not null, "implementing_body" varchar(200) not null, "object_type" varchar(200) not null, "content" text not null, "matter_class" varchar(16) not null, "default_ratio" double precision not null, "yearly_frequency" int not null, "qualifications" jsonb not null, "expert_required" boolean not null, "applies_to" jsonb not null, "status" varchar(16) not null, "effective_from" varchar(10) not null, "effective_to" varchar(10) null, "latest" boolean not null, "change_reason" text null, "created_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`create index "matter_code_index" on "matter" ("code");`);
    this.addSql(`create index "matter_status_index" on "matter" ("status");`);
    this.addSql(`create index "matter_latest_index" on "matter" ("latest");`);
    this.addSql(`alter table "matter" add constraint "matter_code_version_unique" unique ("code", "version");`);

    this.addSql(`create table "supervision_record" ("id" serial primary key, "uscc" varchar(18) not null, "name" varchar(200) not null, "category" varchar(100) not null, "address" varchar(300) not null, "legal_representative" varchar(100) not null, "region" varchar(12) not null, "supervision_types" jsonb not null, "supervision_types_key" text not null, "risk_class" varchar(1) not null, "abnormal_list" boolean not null, "dishonest" boolean not null, "serious_violation" boolean not null, "key_sectors" jsonb not null, "key_sectors_key" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "removed_at" timestamptz null);`);
    this.addSql(`alter table "supervision_record" add constraint "supervision_record_uscc_unique" unique ("uscc");`);
    this.addSql(`create index "supervision_record_category_index" on "supervision_record" ("category");`);
    this.addSql(`create index "supervision_record_region_index" on "supervision_record" ("region");`);
    this.addSql(`create index "supervision_record_risk_class_index" on "supervision_record" ("risk_class");`);
    this.addSql(`create index "supervision_record_removed_at_index" on "supervision_record" ("removed_at");`);

    this.addSql(`create table "supervision_record_change" ("id" serial primary key, "record_id" int not null, "action" varchar(16) not null, "snapshot" text not null, "reason" text null, "actor" varchar(100) not null, "at" timestamptz not null);`);
    this.addSql(`create index "supervision_record_change_record_id_index" on "supervision_record_change" ("record_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "expert" cascade;`);

    this.addSql(`drop table if exists "inspector" cascade;`);

    this.addSql(`drop table if exists "inspector_conflict" cascade;`);

    this.addSql(`drop table if exists "inspector_status_change" cascade;`);

    this.addSql(`drop table if exists "matter" cascade;`);

    this.addSql(`drop table if exists "supervision_record" cascade;`);

    this.addSql(`drop table if exists "supervision_record_change" cascade;`);
  }

}
