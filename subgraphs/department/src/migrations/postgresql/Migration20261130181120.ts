import { Migration } from '@mikro-orm/migrations';
import { legacyCategoryUpdates } from '../../categories/legacy-categories.js';

export class Migration20261130181120 extends Migration {

  override async up(): Promise<void> {
    await this.execute(`alter table "inspector" add column "category_labels" jsonb not null default '[]';`);
    await this.execute(`alter table "matter" add column "category_label" text null;`);
    // Free-text categories become shared codes where exact; the rest is kept as labels (docs/rules.md).
    for (const sql of await legacyCategoryUpdates((q) => this.execute(q) as never)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inspector" drop column "category_labels";`);

    this.addSql(`alter table "matter" drop column "category_label";`);
  }

}
