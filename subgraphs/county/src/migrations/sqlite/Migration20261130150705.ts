import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150705 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`calendar_year\` (\`year\` integer not null, \`holidays\` json not null, \`workdays\` json not null, \`loaded_by\` text not null, \`loaded_at\` datetime not null, primary key (\`year\`));`);

    this.addSql(`create table \`evidence\` (\`id\` integer not null primary key autoincrement, \`visit_id\` integer not null, \`sha256\` text not null, \`size\` integer not null, \`media_type\` text not null, \`file_name\` text null, \`uploaded_by\` text not null, \`uploaded_at\` datetime not null);`);
    this.addSql(`create index \`evidence_visit_id_index\` on \`evidence\` (\`visit_id\`);`);
    this.addSql(`create index \`evidence_sha256_index\` on \`evidence\` (\`sha256\`);`);
    this.addSql(`create unique index \`evidence_visit_id_sha256_unique\` on \`evidence\` (\`visit_id\`, \`sha256\`);`);

    this.addSql(`create table \`finding\` (\`id\` integer not null primary key autoincrement, \`visit_id\` integer not null, \`department\` text not null, \`matter\` text not null, \`result\` text not null, \`description\` text not null, \`recorded_by\` text not null, \`recorded_at\` datetime not null);`);
    this.addSql(`create index \`finding_visit_id_index\` on \`finding\` (\`visit_id\`);`);
    this.addSql(`create unique index \`finding_visit_id_matter_unique\` on \`finding\` (\`visit_id\`, \`matter\`);`);

    this.addSql(`create table \`inspection_report\` (\`id\` integer not null primary key autoincrement, \`visit_id\` integer not null, \`department\` text not null, \`status\` text not null default 'DRAFT', \`inspection_time\` text not null, \`content\` text not null, \`steps\` text not null, \`findings\` text not null, \`evaluation\` text not null, \`handling\` text not null, \`due_date\` text not null, \`publish_due_date\` text not null, \`due_provisional\` integer not null default false, \`submitted_by\` text null, \`submitted_at\` datetime null, \`reviewed_by\` text null, \`reviewed_at\` datetime null, \`return_reason\` text null, \`published_by\` text null, \`published_at\` datetime null, \`published_late\` integer not null default false, \`feedback_at\` datetime null, \`feedback_method\` text null);`);
    this.addSql(`create index \`inspection_report_visit_id_index\` on \`inspection_report\` (\`visit_id\`);`);
    this.addSql(`create index \`inspection_report_department_index\` on \`inspection_report\` (\`department\`);`);
    this.addSql(`create unique index \`inspection_report_visit_id_department_unique\` on \`inspection_report\` (\`visit_id\`, \`department\`);`);

    this.addSql(`create table \`visit_on_site\` (\`visit_id\` integer not null, \`started_at\` datetime null, \`started_by\` text null, \`present\` json not null, \`certificates_shown\` integer not null default false, \`notice_number\` text null, \`ended_at\` datetime null, \`ended_by\` text null, \`outcome\` text null, \`outcome_note\` text null, \`end_date\` text null, \`cancel_requested_by\` text null, \`cancel_reason\` text null, \`cancel_approved_by\` text null, primary key (\`visit_id\`));`);
  }

}
