import { Migration } from '@mikro-orm/migrations';

export class Migration20261130181058 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`plan\` add column \`cooldown_scope\` text not null default 'PARTICIPANTS';`);
  }

}
