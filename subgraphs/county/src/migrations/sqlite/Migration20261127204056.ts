import { Migration } from '@mikro-orm/migrations';

export class Migration20261127204056 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`county_event\` (\`id\` text not null, \`topic\` text not null, \`kind\` text not null, \`entity_key\` text not null, \`data\` json null, \`at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`county_event_entity_key_index\` on \`county_event\` (\`entity_key\`);`);
    this.addSql(`create index \`county_event_topic_at_index\` on \`county_event\` (\`topic\`, \`at\`);`);
  }

}
