import { Migration } from '@mikro-orm/migrations';

export class Migration20261130211003 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inspection_matter_total" ("year" int not null, "total" int not null, "declared_by" varchar(100) not null, "declared_at" timestamptz not null, constraint "inspection_matter_total_pkey" primary key ("year"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inspection_matter_total" cascade;`);
  }

}
