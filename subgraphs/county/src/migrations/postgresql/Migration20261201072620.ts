import { Migration } from '@mikro-orm/migrations';

export class Migration20261201072620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "draw_pool" add column "seq" int not null default 0;`);
    this.addSql(`alter table "draw_pool" add constraint "draw_pool_draw_id_kind_seq_unique" unique ("draw_id", "kind", "seq");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "draw_pool" drop constraint "draw_pool_draw_id_kind_seq_unique";`);
    this.addSql(`alter table "draw_pool" drop column "seq";`);
  }

}
