import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150059 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`chain_checkpoint\` (\`id\` integer not null primary key autoincrement, \`chain\` text not null, \`seq\` integer not null, \`hash\` text not null, \`at\` text not null, \`kid\` text not null, \`signature\` text not null);`);
    this.addSql(`create index \`chain_checkpoint_chain_index\` on \`chain_checkpoint\` (\`chain\`);`);

    this.addSql(`alter table \`draw\` add column \`disclosed_at\` datetime null;`);

    this.addSql(`alter table \`plan\` add column \`disclosure\` text not null default 'IMMEDIATE';`);
  }

}
