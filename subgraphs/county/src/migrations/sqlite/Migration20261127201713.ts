import { Migration } from '@mikro-orm/migrations';

export class Migration20261127201713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`department\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`kind\` text not null, \`region\` text not null, \`level\` text not null, \`parent_code\` text null, \`url\` text not null, \`status\` text not null default 'ACTIVE', \`registered_at\` datetime not null, \`updated_at\` datetime not null, \`deregistered_at\` datetime null);`);
    this.addSql(`create unique index \`department_code_unique\` on \`department\` (\`code\`);`);
    this.addSql(`create index \`department_region_index\` on \`department\` (\`region\`);`);
  }

}
