import { Migration } from '@mikro-orm/migrations';

export class Migration20261130211851 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`handling_decision\` add column \`answer_due\` text null;`);
    this.addSql(`alter table \`handling_decision\` add column \`answer_due_provisional\` integer not null default false;`);
    this.addSql(`create index \`handling_decision_answer_due_index\` on \`handling_decision\` (\`answer_due\`);`);
  }

}
