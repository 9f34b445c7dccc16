import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "chain_checkpoint" ("id" serial primary key, "chain" varchar(64) not null, "seq" int not null, "hash" varchar(64) not null, "at" varchar(32) not null, "kid" varchar(16) not null, "signature" varchar(128) not null);`);
    this.addSql(`create index "chain_checkpoint_chain_index" on "chain_checkpoint" ("chain");`);

    this.addSql(`alter table "draw" add column "disclosed_at" timestamptz null;`);

    this.addSql(`alter table "plan" add column "disclosure" varchar(16) not null default 'IMMEDIATE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chain_checkpoint" cascade;`);

    this.addSql(`alter table "draw" drop column "disclosed_at";`);

    this.addSql(`alter table "plan" drop column "disclosure";`);
  }

}
