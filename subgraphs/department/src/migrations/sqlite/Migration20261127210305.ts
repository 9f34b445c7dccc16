import { Migration } from '@mikro-orm/migrations';

export class Migration20261127210305 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_event\` (\`id\` integer not null primary key autoincrement, \`chain\` text not null, \`seq\` integer not null, \`action\` text not null, \`actor\` text not null, \`at\` datetime not null, \`payload\` text not null, \`state_digest\` text not null, \`prev_hash\` text not null, \`hash\` text not null);`);
    this.addSql(`create index \`audit_event_chain_index\` on \`audit_event\` (\`chain\`);`);
    this.addSql(`create unique index \`audit_event_chain_seq_unique\` on \`audit_event\` (\`chain\`, \`seq\`);`);
  }

}
