import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180035 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "incoming_referral" ("id" int not null, "from_department" varchar(64) not null, "visit_id" int not null, "uscc" varchar(18) not null, "matter" varchar(100) not null, "result_code" varchar(4) not null, "result_label" varchar(100) not null, "finding" text not null, "reason" text not null, "evidence" jsonb not null, "referred_by" varchar(100) not null, "referred_at" timestamptz not null, "received_at" timestamptz not null, "status" varchar(16) not null default 'RECEIVED', "answered_at" timestamptz null, "answered_by" varchar(100) null, "decline_reason" text null, "outcome" text null, "closed_at" timestamptz null, constraint "incoming_referral_pkey" primary key ("id"));`);
    this.addSql(`create index "incoming_referral_uscc_index" on "incoming_referral" ("uscc");`);
    this.addSql(`create index "incoming_referral_status_index" on "incoming_referral" ("status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incoming_referral" cascade;`);
  }

}
