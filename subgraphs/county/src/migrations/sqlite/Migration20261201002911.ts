import { Migration } from '@mikro-orm/migrations';

export class Migration20261201002911 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`visit\` add column \`subject_name\` text null;`);
    this.addSql(`alter table \`visit\` add column \`directories\` json null;`);
  }

}
