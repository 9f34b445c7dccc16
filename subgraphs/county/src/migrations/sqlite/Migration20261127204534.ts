import { Migration } from '@mikro-orm/migrations';

export class Migration20261127204534 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`visit\` add column \`matter_codes\` json not null;`);
  }

}
