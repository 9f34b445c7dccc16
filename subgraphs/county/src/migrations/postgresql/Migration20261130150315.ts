import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150315 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "department" add column "public_keys" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "department" drop column "public_keys";`);
  }

}
