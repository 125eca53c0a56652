import { Migration } from '@mikro-orm/migrations';

export class Migration20261204192102 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "petition" add column "key_matter_reason" text null, add column "owner_unit_id" uuid null, add column "resolution_plan" text null, add column "resolution_plan_on" date null, add column "stability_plan" text null, add column "stability_plan_on" date null, add column "resolved_harmoniously" boolean null;`);
    this.addSql(`create index "petition_owner_unit_id_index" on "petition" ("owner_unit_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "petition_owner_unit_id_index";`);
    this.addSql(`alter table "petition" drop column "key_matter_reason", drop column "owner_unit_id", drop column "resolution_plan", drop column "resolution_plan_on", drop column "stability_plan", drop column "stability_plan_on", drop column "resolved_harmoniously";`);
  }

}
