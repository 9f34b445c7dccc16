import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180059 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`risk_proposal\` (\`id\` integer not null primary key autoincrement, \`department\` text not null, \`uscc\` text not null, \`visit_id\` integer not null, \`report_id\` integer not null, \`direction\` text not null, \`reason\` text not null, \`rule_version\` text not null, \`status\` text not null default 'PENDING', \`created_at\` datetime not null, \`decided_by\` text null, \`decided_at\` datetime null, \`decision_reason\` text null, \`from_class\` text null, \`to_class\` text null);`);
    this.addSql(`create index \`risk_proposal_uscc_index\` on \`risk_proposal\` (\`uscc\`);`);
    this.addSql(`create index \`risk_proposal_department_status_index\` on \`risk_proposal\` (\`department\`, \`status\`);`);
    this.addSql(`create unique index \`risk_proposal_report_id_unique\` on \`risk_proposal\` (\`report_id\`);`);
  }

}
