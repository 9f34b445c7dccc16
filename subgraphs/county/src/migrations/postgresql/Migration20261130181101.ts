import { Migration } from '@mikro-orm/migrations';

export class Migration20261130181101 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "plan" add column "cooldown_scope" varchar(16) not null default 'PARTICIPANTS';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan" drop column "cooldown_scope";`);
  }

}
