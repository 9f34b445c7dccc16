import { Migration } from '@mikro-orm/migrations';

export class Migration20261130182055 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`unplanned_inspection\` (\`visit_id\` integer not null, \`department\` text not null, \`legal_basis\` text not null, \`reason\` text not null, \`reference_number\` text null, \`flagged\` integer not null, \`recorded_by\` text not null, \`recorded_at\` datetime not null, primary key (\`visit_id\`));`);
    this.addSql(`create index \`unplanned_inspection_department_index\` on \`unplanned_inspection\` (\`department\`);`);
    this.addSql(`create index \`unplanned_inspection_flagged_index\` on \`unplanned_inspection\` (\`flagged\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`visit__temp_alter\` (\`id\` integer not null primary key autoincrement, \`draw_id\` integer null, \`plan_id\` integer null, \`uscc\` text not null, \`stratum\` text not null, \`ticket\` text not null, \`rank\` integer not null, \`matters\` json not null, \`matter_codes\` json not null, \`inspectors\` json not null, \`inspectors_key\` text not null, \`departments_key\` text not null, \`experts\` json not null, \`status\` text not null default 'SCHEDULED', \`created_at\` datetime not null);`);
    this.addSql(`insert into \`visit__temp_alter\` select \`id\`, \`draw_id\`, \`plan_id\`, \`uscc\`, \`stratum\`, \`ticket\`, \`rank\`, \`matters\`, \`matter_codes\`, \`inspectors\`, \`inspectors_key\`, \`departments_key\`, \`experts\`, \`status\`, \`created_at\` from \`visit\`;`);
    this.addSql(`drop table \`visit\`;`);
    this.addSql(`alter table \`visit__temp_alter\` rename to \`visit\`;`);
    this.addSql(`create index \`visit_draw_id_index\` on \`visit\` (\`draw_id\`);`);
    this.addSql(`create index \`visit_plan_id_index\` on \`visit\` (\`plan_id\`);`);
    this.addSql(`create index \`visit_uscc_index\` on \`visit\` (\`uscc\`);`);
    this.addSql(`create index \`visit_inspectors_key_index\` on \`visit\` (\`inspectors_key\`);`);
    this.addSql(`create index \`visit_departments_key_index\` on \`visit\` (\`departments_key\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
