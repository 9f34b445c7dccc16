import { Migration } from '@mikro-orm/migrations';

export class Migration20261130211855 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "handling_decision" add column "answer_due" varchar(10) null, add column "answer_due_provisional" boolean not null default false;`);
    this.addSql(`create index "handling_decision_answer_due_index" on "handling_decision" ("answer_due");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "handling_decision_answer_due_index";`);
    this.addSql(`alter table "handling_decision" drop column "answer_due", drop column "answer_due_provisional";`);
  }

}
