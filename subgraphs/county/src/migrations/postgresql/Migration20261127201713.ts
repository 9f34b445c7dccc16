import { Migration } from '@mikro-orm/migrations';

export class Migration20261127201713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "department" ("id" serial primary key, "code" varchar(32) not null, "name" varchar(100) not null, "kind" varchar(32) not null, "region" varchar(12) not null, "level" varchar(16) not null, "parent_code" varchar(32) null, "url" varchar(500) not null, "status" varchar(16) not null default 'ACTIVE', "registered_at" timestamptz not null, "updated_at" timestamptz not null, "deregistered_at" timestamptz null);`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);
    this.addSql(`create index "department_region_index" on "department" ("region");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "department" cascade;`);
  }

}
