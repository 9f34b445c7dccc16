import { Migration } from '@mikro-orm/migrations';

export class Migration20261130175752 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "matter" add column "report_deadline_working_days" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "matter" drop column "report_deadline_working_days";`);
  }

}
