import { Migration } from '@mikro-orm/migrations';

export class Migration20261127204056 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "county_event" ("id" varchar(36) not null, "topic" varchar(64) not null, "kind" varchar(32) not null, "entity_key" varchar(200) not null, "data" jsonb null, "at" timestamptz not null, constraint "county_event_pkey" primary key ("id"));`);
    this.addSql(`create index "county_event_entity_key_index" on "county_event" ("entity_key");`);
    this.addSql(`create index "county_event_topic_at_index" on "county_event" ("topic", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "county_event" cascade;`);
  }

}
