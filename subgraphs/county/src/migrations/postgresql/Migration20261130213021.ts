import { Migration } from '@mikro-orm/migrations';

export class Migration20261130213021 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "plan" add column "whole_system" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan" drop column "whole_system";`);
  }

}
