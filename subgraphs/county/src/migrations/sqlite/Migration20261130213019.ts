import { Migration } from '@mikro-orm/migrations';

export class Migration20261130213019 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`plan\` add column \`whole_system\` integer not null default false;`);
  }

}
