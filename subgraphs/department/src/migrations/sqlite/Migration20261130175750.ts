import { Migration } from '@mikro-orm/migrations';

export class Migration20261130175750 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`matter\` add column \`report_deadline_working_days\` integer null;`);
  }

}
