import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180036 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`handling_decision\` (\`id\` integer not null primary key autoincrement, \`visit_id\` integer not null, \`finding_id\` integer not null, \`department\` text not null, \`matter\` text not null, \`uscc\` text not null, \`kind\` text not null, \`ordered_action\` text null, \`rectification_deadline\` text null, \`follow_up_result\` text null, \`followed_up_at\` datetime null, \`followed_up_by\` text null, \`case_number\` text null, \`decision_date\` text null, \`referred_to\` text null, \`referral_state\` text null, \`referral_state_at\` datetime null, \`receiving_organ\` text null, \`document_number\` text null, \`note\` text null, \`decided_by\` text not null, \`decided_at\` datetime not null);`);
    this.addSql(`create index \`handling_decision_visit_id_index\` on \`handling_decision\` (\`visit_id\`);`);
    this.addSql(`create unique index \`handling_decision_finding_id_unique\` on \`handling_decision\` (\`finding_id\`);`);
    this.addSql(`create index \`handling_decision_department_index\` on \`handling_decision\` (\`department\`);`);
    this.addSql(`create index \`handling_decision_rectification_deadline_index\` on \`handling_decision\` (\`rectification_deadline\`);`);
    this.addSql(`create index \`handling_decision_referred_to_index\` on \`handling_decision\` (\`referred_to\`);`);

    this.addSql(`create table \`referral_outbox\` (\`id\` integer not null, \`to_department\` text not null, \`payload\` text not null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`delivered_at\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`referral_outbox_next_attempt_at_index\` on \`referral_outbox\` (\`next_attempt_at\`);`);
  }

}
