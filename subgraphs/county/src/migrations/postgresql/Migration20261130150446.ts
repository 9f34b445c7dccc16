import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150446 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" ("key" varchar(200) not null, "operation" varchar(64) not null, "actor" text not null, "result" text not null, "created_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("key"));`);

    this.addSql(`alter table "audit_event" alter column "action" type text using ("action"::text);`);
    this.addSql(`alter table "audit_event" alter column "actor" type text using ("actor"::text);`);

    this.addSql(`alter table "draw" add constraint "draw_plan_id_sequence_unique" unique ("plan_id", "sequence");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`alter table "audit_event" alter column "action" type varchar(64) using ("action"::varchar(64));`);
    this.addSql(`alter table "audit_event" alter column "actor" type varchar(100) using ("actor"::varchar(100));`);

    this.addSql(`alter table "draw" drop constraint "draw_plan_id_sequence_unique";`);
  }

}
