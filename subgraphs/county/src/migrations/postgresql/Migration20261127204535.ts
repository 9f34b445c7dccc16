import { Migration } from '@mikro-orm/migrations';

export class Migration20261127204535 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "visit" add column "matter_codes" jsonb not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "visit" drop column "matter_codes";`);
  }

}
