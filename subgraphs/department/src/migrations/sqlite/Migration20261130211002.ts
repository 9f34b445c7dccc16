import { Migration } from '@mikro-orm/migrations';

export class Migration20261130211002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`inspection_matter_total\` (\`year\` integer not null, \`total\` integer not null, \`declared_by\` text not null, \`declared_at\` datetime not null, primary key (\`year\`));`);
  }

}
