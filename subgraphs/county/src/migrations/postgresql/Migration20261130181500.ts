import { Migration } from '@mikro-orm/migrations';
import { legacyPlanCategoryUpdates } from '../../plans/legacy-categories.js';

/** Data only: plans' matter snapshots name the shared enforcement categories by code (docs/rules.md). */
export class Migration20261130181500 extends Migration {

  override async up(): Promise<void> {
    for (const sql of await legacyPlanCategoryUpdates((q) => this.execute(q) as never)) this.addSql(sql);
  }

}
