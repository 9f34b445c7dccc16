import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180103 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "risk_proposal" ("id" serial primary key, "department" varchar(64) not null, "uscc" varchar(18) not null, "visit_id" int not null, "report_id" int not null, "direction" varchar(8) not null, "reason" text not null, "rule_version" varchar(32) not null, "status" varchar(16) not null default 'PENDING', "created_at" timestamptz not null, "decided_by" varchar(100) null, "decided_at" timestamptz null, "decision_reason" text null, "from_class" varchar(1) null, "to_class" varchar(1) null);`);
    this.addSql(`create index "risk_proposal_uscc_index" on "risk_proposal" ("uscc");`);
    this.addSql(`create index "risk_proposal_department_status_index" on "risk_proposal" ("department", "status");`);
    this.addSql(`alter table "risk_proposal" add constraint "risk_proposal_report_id_unique" unique ("report_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "risk_proposal" cascade;`);
  }

}
