import { Migration } from '@mikro-orm/migrations';

export class Migration20261127204158 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_event\` (\`id\` integer not null primary key autoincrement, \`chain\` text not null, \`seq\` integer not null, \`action\` text not null, \`actor\` text not null, \`at\` datetime not null, \`payload\` text not null, \`state_digest\` text not null, \`prev_hash\` text not null, \`hash\` text not null);`);
    this.addSql(`create index \`audit_event_chain_index\` on \`audit_event\` (\`chain\`);`);
    this.addSql(`create unique index \`audit_event_chain_seq_unique\` on \`audit_event\` (\`chain\`, \`seq\`);`);

    this.addSql(`create table \`draw\` (\`id\` integer not null primary key autoincrement, \`plan_id\` integer not null, \`sequence\` integer not null, \`status\` text not null, \`digests\` json null, \`counts\` json null, \`rules\` json null, \`excluded\` json null, \`ceremony_values\` json null, \`seed\` text null, \`visit_count\` integer not null default 0, \`redraw_reason\` text null, \`approved_by\` text null, \`created_by\` text not null, \`created_at\` datetime not null, \`frozen_at\` datetime null, \`seeded_at\` datetime null, \`drawn_at\` datetime null, \`published_at\` datetime null, \`superseded_at\` datetime null, \`superseded_by_id\` integer null);`);
    this.addSql(`create index \`draw_plan_id_index\` on \`draw\` (\`plan_id\`);`);
    this.addSql(`create index \`draw_status_index\` on \`draw\` (\`status\`);`);

    this.addSql(`create table \`draw_pool\` (\`id\` integer not null primary key autoincrement, \`draw_id\` integer not null, \`kind\` text not null, \`entries\` text not null);`);
    this.addSql(`create index \`draw_pool_draw_id_index\` on \`draw_pool\` (\`draw_id\`);`);

    this.addSql(`create table \`draw_record\` (\`draw_id\` integer not null primary key autoincrement, \`record\` text not null);`);

    this.addSql(`create table \`plan\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`kind\` text not null, \`lead_department\` text not null, \`departments\` json not null, \`departments_key\` text not null, \`matters\` json not null, \`scope_regions\` json not null, \`scope_categories\` json not null, \`scope_supervision_types\` json not null, \`ratios\` json not null, \`window_start\` text not null, \`window_end\` text not null, \`cap\` integer null, \`min_inspectors\` integer not null, \`workload_cap\` integer null, \`allow_borrowing\` integer not null, \`cooldown_days\` integer null, \`created_by\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`plan_lead_department_index\` on \`plan\` (\`lead_department\`);`);
    this.addSql(`create index \`plan_departments_key_index\` on \`plan\` (\`departments_key\`);`);

    this.addSql(`create table \`redraw_request\` (\`id\` integer not null primary key autoincrement, \`draw_id\` integer not null, \`reason\` text not null, \`requested_by\` text not null, \`requested_at\` datetime not null, \`approved_by\` text null, \`approved_at\` datetime null, \`new_draw_id\` integer null);`);
    this.addSql(`create index \`redraw_request_draw_id_index\` on \`redraw_request\` (\`draw_id\`);`);

    this.addSql(`create table \`visit\` (\`id\` integer not null primary key autoincrement, \`draw_id\` integer not null, \`plan_id\` integer not null, \`uscc\` text not null, \`stratum\` text not null, \`ticket\` text not null, \`rank\` integer not null, \`matters\` json not null, \`inspectors\` json not null, \`inspectors_key\` text not null, \`departments_key\` text not null, \`experts\` json not null, \`status\` text not null default 'SCHEDULED', \`created_at\` datetime not null);`);
    this.addSql(`create index \`visit_draw_id_index\` on \`visit\` (\`draw_id\`);`);
    this.addSql(`create index \`visit_plan_id_index\` on \`visit\` (\`plan_id\`);`);
    this.addSql(`create index \`visit_uscc_index\` on \`visit\` (\`uscc\`);`);
    this.addSql(`create index \`visit_inspectors_key_index\` on \`visit\` (\`inspectors_key\`);`);
    this.addSql(`create index \`visit_departments_key_index\` on \`visit\` (\`departments_key\`);`);
  }

}
