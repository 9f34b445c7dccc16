import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180038 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "handling_decision" ("id" serial primary key, "visit_id" int not null, "finding_id" int not null, "department" varchar(64) not null, "matter" varchar(100) not null, "uscc" varchar(18) not null, "kind" varchar(16) not null, "ordered_action" text null, "rectification_deadline" varchar(10) null, "follow_up_result" text null, "followed_up_at" timestamptz null, "followed_up_by" varchar(100) null, "case_number" varchar(100) null, "decision_date" varchar(10) null, "referred_to" varchar(64) null, "referral_state" varchar(20) null, "referral_state_at" timestamptz null, "receiving_organ" varchar(200) null, "document_number" varchar(100) null, "note" text null, "decided_by" varchar(100) not null, "decided_at" timestamptz not null);`);
    this.addSql(`create index "handling_decision_visit_id_index" on "handling_decision" ("visit_id");`);
    this.addSql(`alter table "handling_decision" add constraint "handling_decision_finding_id_unique" unique ("finding_id");`);
    this.addSql(`create index "handling_decision_department_index" on "handling_decision" ("department");`);
    this.addSql(`create index "handling_decision_rectification_deadline_index" on "handling_decision" ("rectification_deadline");`);
    this.addSql(`create index "handling_decision_referred_to_index" on "handling_decision" ("referred_to");`);

    this.addSql(`create table "referral_outbox" ("id" int not null, "to_department" varchar(64) not null, "payload" text not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "delivered_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null, constraint "referral_outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "referral_outbox_next_attempt_at_index" on "referral_outbox" ("next_attempt_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "handling_decision" cascade;`);

    this.addSql(`drop table if exists "referral_outbox" cascade;`);
  }

}
