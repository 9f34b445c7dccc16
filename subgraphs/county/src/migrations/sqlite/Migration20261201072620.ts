import { Migration } from '@mikro-orm/migrations';

export class Migration20261201072620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`draw_pool\` add column \`seq\` integer not null default 0;`);
    this.addSql(`create unique index \`draw_pool_draw_id_kind_seq_unique\` on \`draw_pool\` (\`draw_id\`, \`kind\`, \`seq\`);`);
  }

}
