import { Migration } from '@mikro-orm/migrations';

export class Migration20261201002913 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "visit" add column "subject_name" varchar(200) null, add column "directories" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "visit" drop column "subject_name", drop column "directories";`);
  }

}
