import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194638 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" uuid not null, "county_id" uuid not null, "unit_id" uuid not null, "kind" text check ("kind" in ('WARNING_YELLOW', 'WARNING_RED', 'OWNERSHIP_MISSING')) not null, "petition_id" uuid null, "due_on" date null, "created_at" timestamptz not null, "dedupe_key" text not null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_petition_id_index" on "notification" ("petition_id");`);
    this.addSql(`alter table "notification" add constraint "notification_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "notification_unit_id_created_at_index" on "notification" ("unit_id", "created_at");`);

    this.addSql(`create table "notification_read" ("notification_id" uuid not null, "user_id" uuid not null, "read_at" timestamptz not null, constraint "notification_read_pkey" primary key ("notification_id", "user_id"));`);

    this.addSql(`create table "sweep_run" ("day" date not null, "ran_at" timestamptz not null, "written" int not null default 0, constraint "sweep_run_pkey" primary key ("day"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "notification_read" cascade;`);

    this.addSql(`drop table if exists "sweep_run" cascade;`);
  }

}
