import { Migration } from '@mikro-orm/migrations';

export class Migration20261127201713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`expert\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`organization\` text not null, \`expertise\` json not null, \`region\` text not null, \`phone\` text null, \`active\` integer not null default true, \`created_at\` datetime not null);`);

    this.addSql(`create table \`inspector\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`certificate_no\` text not null, \`categories\` json not null, \`region\` text not null, \`expertise\` json not null, \`phone\` text null, \`status\` text not null default 'ACTIVE', \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`inspector_certificate_no_unique\` on \`inspector\` (\`certificate_no\`);`);
    this.addSql(`create index \`inspector_region_index\` on \`inspector\` (\`region\`);`);
    this.addSql(`create index \`inspector_status_index\` on \`inspector\` (\`status\`);`);

    this.addSql(`create table \`inspector_conflict\` (\`id\` integer not null primary key autoincrement, \`inspector_id\` integer not null, \`uscc\` text not null, \`reason\` text not null, \`declared_at\` datetime not null, \`withdrawn_at\` datetime null);`);
    this.addSql(`create index \`inspector_conflict_inspector_id_index\` on \`inspector_conflict\` (\`inspector_id\`);`);
    this.addSql(`create index \`inspector_conflict_uscc_index\` on \`inspector_conflict\` (\`uscc\`);`);

    this.addSql(`create table \`inspector_status_change\` (\`id\` integer not null primary key autoincrement, \`inspector_id\` integer not null, \`from_status\` text null, \`to_status\` text not null, \`reason\` text not null, \`transferred_to\` text null, \`actor\` text not null, \`at\` datetime not null);`);
    this.addSql(`create index \`inspector_status_change_inspector_id_index\` on \`inspector_status_change\` (\`inspector_id\`);`);

    this.addSql(`create table \`matter\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`version\` integer not null, \`name\` text not null, \`sub_item\` text not null, \`legal_basis\` text not null, \`implementing_body\` text not null, \`object_type\` text not null, \`content\` text not null, \`matter_class\` text not null, \`default_ratio\` double not null, \`yearly_frequency\` integer not null, \`qualifications\` json not null, \`expert_required\` integer not null, \`applies_to\` json not null, \`status\` text not null, \`effective_from\` text not null, \`effective_to\` text null, \`latest\` integer not null, \`change_reason\` text null, \`created_at\` datetime not null, \`published_at\` datetime null);`);
    this.addSql(`create index \`matter_code_index\` on \`matter\` (\`code\`);`);
    this.addSql(`create index \`matter_status_index\` on \`matter\` (\`status\`);`);
    this.addSql(`create index \`matter_latest_index\` on \`matter\` (\`latest\`);`);
    this.addSql(`create unique index \`matter_code_version_unique\` on \`matter\` (\`code\`, \`version\`);`);

    this.addSql(`create table \`supervision_record\` (\`id\` integer not null primary key autoincrement, \`uscc\` text not null, \`name\` text not null, \`category\` text not null, \`address\` text not null, \`legal_representative\` text not null, \`region\` text not null, \`supervision_types\` json not null, \`supervision_types_key\` text not null, \`risk_class\` text not null, \`abnormal_list\` integer not null, \`dishonest\` integer not null, \`serious_violation\` integer not null, \`key_sectors\` json not null, \`key_sectors_key\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`removed_at\` datetime null);`);
    this.addSql(`create unique index \`supervision_record_uscc_unique\` on \`supervision_record\` (\`uscc\`);`);
    this.addSql(`create index \`supervision_record_category_index\` on \`supervision_record\` (\`category\`);`);
    this.addSql(`create index \`supervision_record_region_index\` on \`supervision_record\` (\`region\`);`);
    this.addSql(`create index \`supervision_record_risk_class_index\` on \`supervision_record\` (\`risk_class\`);`);
    this.addSql(`create index \`supervision_record_removed_at_index\` on \`supervision_record\` (\`removed_at\`);`);

    this.addSql(`create table \`supervision_record_change\` (\`id\` integer not null primary key autoincrement, \`record_id\` integer not null, \`action\` text not null, \`snapshot\` text not null, \`reason\` text null, \`actor\` text not null, \`at\` datetime not null);`);
    this.addSql(`create index \`supervision_record_change_record_id_index\` on \`supervision_record_change\` (\`record_id\`);`);
  }

}
