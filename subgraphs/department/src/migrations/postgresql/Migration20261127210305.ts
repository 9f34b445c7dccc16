import { Migration } from '@mikro-orm/migrations';

export class Migration20261127210305 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" serial primary key, "chain" varchar(64) not null, "seq" int not null, "action" varchar(64) not null, "actor" varchar(100) not null, "at" timestamptz not null, "payload" text not null, "state_digest" varchar(64) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_event_chain_index" on "audit_event" ("chain");`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_chain_seq_unique" unique ("chain", "seq");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);
  }

}
