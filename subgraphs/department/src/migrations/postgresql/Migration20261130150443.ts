import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150443 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" ("key" varchar(200) not null, "operation" varchar(64) not null, "actor" text not null, "result" text not null, "created_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("key"));`);

    this.addSql(`alter table "audit_event" alter column "action" type text using ("action"::text);`);
    this.addSql(`alter table "audit_event" alter column "actor" type text using ("actor"::text);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`alter table "audit_event" alter column "action" type varchar(64) using ("action"::varchar(64));`);
    this.addSql(`alter table "audit_event" alter column "actor" type varchar(100) using ("actor"::varchar(100));`);
  }

}
