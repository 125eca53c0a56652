import { Migration } from '@mikro-orm/migrations';

export class Migration20261126221033 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "screening_event" ("id" uuid not null, "county_id" uuid not null, "report_id" uuid null, "dispute_id" uuid null, "type" text not null, "actor_user_id" uuid null, "actor_name" text not null, "at" timestamptz not null, "note" text null, "data" jsonb null, constraint "screening_event_pkey" primary key ("id"));`);
    this.addSql(`create index "screening_event_report_id_index" on "screening_event" ("report_id");`);
    this.addSql(`create index "screening_event_dispute_id_index" on "screening_event" ("dispute_id");`);

    this.addSql(`create table "screening_rule" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "unit_kind" text check ("unit_kind" in ('VILLAGE_GROUP', 'VILLAGE', 'TOWNSHIP', 'DEPARTMENT')) not null, "cadence" text check ("cadence" in ('WEEKLY', 'HALF_MONTHLY', 'MONTHLY')) not null, "due_after_days" smallint not null, "effective_from" date not null, constraint "screening_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "screening_rule_county_id_index" on "screening_rule" ("county_id");`);
    this.addSql(`alter table "screening_rule" add constraint "screening_rule_county_id_unit_kind_effective_from_unique" unique ("county_id", "unit_kind", "effective_from");`);

    this.addSql(`create table "screening_report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "township_id" uuid null, "village_id" uuid null, "unit_id" uuid not null, "unit_kind" text check ("unit_kind" in ('VILLAGE_GROUP', 'VILLAGE', 'TOWNSHIP', 'DEPARTMENT')) not null, "period_start" date not null, "period_end" date not null, "due_date" date not null, "is_zero_report" boolean not null, "submitted_at" timestamptz not null, "submitted_on" date not null, "submitted_by_id" uuid not null, "submitted_by_name" text not null, "note" text null, "reviewed_at" timestamptz null, "reviewed_by_id" uuid null, "reviewed_by_name" text null, "dispute_count" int not null default 0, "correction_count" int not null default 0, constraint "screening_report_pkey" primary key ("id"));`);
    this.addSql(`create index "screening_report_county_id_index" on "screening_report" ("county_id");`);
    this.addSql(`create index "screening_report_township_id_index" on "screening_report" ("township_id");`);
    this.addSql(`create index "screening_report_village_id_index" on "screening_report" ("village_id");`);
    this.addSql(`create index "screening_report_period_start_index" on "screening_report" ("period_start");`);
    this.addSql(`alter table "screening_report" add constraint "screening_report_unit_id_period_start_unique" unique ("unit_id", "period_start");`);

    this.addSql(`create table "dispute" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "township_id" uuid null, "village_id" uuid null, "unit_id" uuid not null, "report_id" uuid not null, "period_start" date not null, "reported_on" date not null, "arisen_on" date not null, "category_code" text not null, "parties" text not null, "headcount" int not null, "summary" text not null, "risk_level" text check ("risk_level" in ('GENERAL', 'MAJOR')) not null, "status" text check ("status" in ('OPEN', 'RESOLVING', 'RESOLVED', 'ESCALATED')) not null default 'OPEN', "resolve_by" date null, "resolution_note" text null, "resolved_on" date null, "escalated_at" timestamptz null, "escalation_note" text null, "escalated_by_name" text null, "petition_id" uuid null, constraint "dispute_pkey" primary key ("id"));`);
    this.addSql(`create index "dispute_county_id_index" on "dispute" ("county_id");`);
    this.addSql(`create index "dispute_township_id_index" on "dispute" ("township_id");`);
    this.addSql(`create index "dispute_village_id_index" on "dispute" ("village_id");`);
    this.addSql(`create index "dispute_unit_id_index" on "dispute" ("unit_id");`);
    this.addSql(`create index "dispute_report_id_index" on "dispute" ("report_id");`);
    this.addSql(`create index "dispute_reported_on_index" on "dispute" ("reported_on");`);
    this.addSql(`create index "dispute_risk_level_index" on "dispute" ("risk_level");`);
    this.addSql(`create index "dispute_status_index" on "dispute" ("status");`);
    this.addSql(`create index "dispute_petition_id_index" on "dispute" ("petition_id");`);
    this.addSql(`create index "dispute_summary_trgm" on "dispute" using gin ("summary" gin_trgm_ops);`);

    this.addSql(`alter table "screening_report" add constraint "screening_report_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);

    this.addSql(`alter table "dispute" add constraint "dispute_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "dispute" add constraint "dispute_report_id_foreign" foreign key ("report_id") references "screening_report" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dispute" add constraint "dispute_petition_id_foreign" foreign key ("petition_id") references "petition" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "petition" add column "is_skip_level" boolean not null default false;`);

    // Counties that exist already screen under the default rules (docs/domain.md §6) from this month on.
    this.addSql(`insert into "screening_rule" ("id", "created_at", "updated_at", "version", "county_id", "unit_kind", "cadence", "due_after_days", "effective_from")
      select gen_random_uuid(), now(), now(), 1, u."id", k.kind, k.cadence, k.due, date_trunc('month', now() at time zone 'Asia/Shanghai')::date
        from "unit" u cross join (values ('VILLAGE_GROUP', 'WEEKLY', 1), ('VILLAGE', 'HALF_MONTHLY', 3), ('TOWNSHIP', 'MONTHLY', 5), ('DEPARTMENT', 'MONTHLY', 5)) as k(kind, cadence, due)
       where u."kind" = 'COUNTY';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dispute" drop constraint "dispute_report_id_foreign";`);

    this.addSql(`drop table if exists "screening_event" cascade;`);

    this.addSql(`drop table if exists "screening_rule" cascade;`);

    this.addSql(`drop table if exists "screening_report" cascade;`);

    this.addSql(`drop table if exists "dispute" cascade;`);

    this.addSql(`alter table "petition" drop column "is_skip_level";`);
  }

}
