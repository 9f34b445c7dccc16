import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150358 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`ceremony_commitment\` (\`id\` integer not null primary key autoincrement, \`draw_id\` integer not null, \`department\` text not null, \`sha256\` text not null, \`committed_by\` text not null, \`committed_at\` datetime not null, \`revealed_at\` datetime null);`);
    this.addSql(`create index \`ceremony_commitment_draw_id_index\` on \`ceremony_commitment\` (\`draw_id\`);`);
    this.addSql(`create unique index \`ceremony_commitment_draw_id_department_unique\` on \`ceremony_commitment\` (\`draw_id\`, \`department\`);`);

    this.addSql(`alter table \`draw\` add column \`ceremony\` json null;`);
    this.addSql(`alter table \`draw\` add column \`cancelled_at\` datetime null;`);
    this.addSql(`alter table \`draw\` add column \`cancelled_by\` text null;`);
    this.addSql(`alter table \`draw\` add column \`cancel_reason\` text null;`);

    this.addSql(`alter table \`plan\` add column \`ratio_notes\` json null;`);
    this.addSql(`alter table \`plan\` add column \`eligible_regions\` json null;`);
    this.addSql(`alter table \`plan\` add column \`status\` text not null default 'ACTIVE';`);
    this.addSql(`alter table \`plan\` add column \`updated_at\` datetime null;`);
    this.addSql(`alter table \`plan\` add column \`updated_by\` text null;`);
    this.addSql(`alter table \`plan\` add column \`cancelled_at\` datetime null;`);
    this.addSql(`alter table \`plan\` add column \`cancelled_by\` text null;`);
    this.addSql(`alter table \`plan\` add column \`cancel_reason\` text null;`);
  }

}
