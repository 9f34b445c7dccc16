import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150313 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`department\` add column \`public_keys\` text null;`);
  }

}
