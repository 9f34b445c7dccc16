import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand (MikroORM does not model a column's storage): the chunks of a draw's stored texts are kept out
 * of line without compression. Most of their bytes are hex (salts, commitments), which PostgreSQL's default
 * compression tried and failed to shrink at ≈ 20 MB/s, and the county's freeze waited for it: storing 115 MB of
 * such chunks took 4.9–6.4 s compressed and 1.2–1.7 s not (docs/performance.md, "Ninth pass"). Only new rows are
 * affected. SQLite does not compress.
 */
export class Migration20261202060000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "draw_pool" alter column "entries" set storage external;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "draw_pool" alter column "entries" set storage extended;`);
  }

}
