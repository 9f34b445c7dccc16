import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150443 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`idempotency_key\` (\`key\` text not null, \`operation\` text not null, \`actor\` text not null, \`result\` text not null, \`created_at\` datetime not null, primary key (\`key\`));`);

    this.addSql(`create unique index \`draw_plan_id_sequence_unique\` on \`draw\` (\`plan_id\`, \`sequence\`);`);
  }

}
