import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180034 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`incoming_referral\` (\`id\` integer not null, \`from_department\` text not null, \`visit_id\` integer not null, \`uscc\` text not null, \`matter\` text not null, \`result_code\` text not null, \`result_label\` text not null, \`finding\` text not null, \`reason\` text not null, \`evidence\` json not null, \`referred_by\` text not null, \`referred_at\` datetime not null, \`received_at\` datetime not null, \`status\` text not null default 'RECEIVED', \`answered_at\` datetime null, \`answered_by\` text null, \`decline_reason\` text null, \`outcome\` text null, \`closed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`incoming_referral_uscc_index\` on \`incoming_referral\` (\`uscc\`);`);
    this.addSql(`create index \`incoming_referral_status_index\` on \`incoming_referral\` (\`status\`);`);
  }

}
