import { Migration } from '@mikro-orm/migrations';

export class Migration20261207234612 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "assessment_scheme" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "year" smallint not null, "unit_kind" text check ("unit_kind" in ('TOWNSHIP', 'DEPARTMENT', 'VILLAGE')) not null, "indicators" jsonb not null, "deductions" jsonb not null, "updated_by_name" text null, constraint "assessment_scheme_pkey" primary key ("id"));`);
    this.addSql(`create index "assessment_scheme_county_id_index" on "assessment_scheme" ("county_id");`);
    this.addSql(`alter table "assessment_scheme" add constraint "assessment_scheme_county_id_year_unit_kind_unique" unique ("county_id", "year", "unit_kind");`);

    this.addSql(`create table "assessment_veto_event" ("id" uuid not null, "veto_id" uuid not null, "step" text check ("step" in ('PROPOSED', 'CONFIRMED', 'REVOKED', 'REOPENED')) not null, "at" timestamptz not null, "actor_user_id" uuid null, "actor_name" text not null, "reason" text not null, constraint "assessment_veto_event_pkey" primary key ("id"));`);
    this.addSql(`create index "assessment_veto_event_veto_id_index" on "assessment_veto_event" ("veto_id");`);

    this.addSql(`create table "assessment_year" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "year" smallint not null, "stage" text check ("stage" in ('DRAFT', 'REVIEW', 'PUBLISHED')) not null default 'DRAFT', "computed_at" timestamptz null, "review_opened_on" date null, "review_ends_on" date null, "review_opened_by_name" text null, "published_at" timestamptz null, "published_by_name" text null, constraint "assessment_year_pkey" primary key ("id"));`);
    this.addSql(`alter table "assessment_year" add constraint "assessment_year_county_id_year_unique" unique ("county_id", "year");`);

    this.addSql(`create table "commendation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "year" smallint not null, "unit_id" uuid not null, "title" text not null, "citation" text null, "awarded_on" date not null, "recorded_by_name" text not null, constraint "commendation_pkey" primary key ("id"));`);
    this.addSql(`create index "commendation_county_id_index" on "commendation" ("county_id");`);

    this.addSql(`create table "assessment_veto" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "township_id" uuid null, "village_id" uuid null, "year" smallint not null, "unit_id" uuid not null, "unit_kind" text check ("unit_kind" in ('TOWNSHIP', 'DEPARTMENT', 'VILLAGE')) not null, "stage" text check ("stage" in ('DRAFT', 'REVIEW', 'PUBLISHED')) not null default 'DRAFT', "trigger" text check ("trigger" in ('CIRCULAR', 'CONCEALED_DISPUTE', 'SKIP_LEVEL_COLLECTIVE', 'BUREAU')) not null, "evidence" jsonb not null, "evidence_key" text not null, "reason" text not null, "status" text check ("status" in ('PROPOSED', 'CONFIRMED', 'REVOKED')) not null default 'PROPOSED', "proposed_at" timestamptz not null, "proposed_by_name" text not null, "decided_at" timestamptz null, "decided_by_name" text null, "decision_reason" text null, constraint "assessment_veto_pkey" primary key ("id"));`);
    this.addSql(`create index "assessment_veto_county_id_index" on "assessment_veto" ("county_id");`);
    this.addSql(`create index "assessment_veto_township_id_index" on "assessment_veto" ("township_id");`);
    this.addSql(`create index "assessment_veto_village_id_index" on "assessment_veto" ("village_id");`);
    this.addSql(`alter table "assessment_veto" add constraint "assessment_veto_unit_id_year_evidence_key_unique" unique ("unit_id", "year", "evidence_key");`);

    this.addSql(`create table "assessment_result" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "township_id" uuid null, "village_id" uuid null, "year" smallint not null, "unit_id" uuid not null, "unit_kind" text check ("unit_kind" in ('TOWNSHIP', 'DEPARTMENT', 'VILLAGE')) not null, "stage" text check ("stage" in ('DRAFT', 'REVIEW', 'PUBLISHED')) not null default 'DRAFT', "indicators" jsonb not null, "deductions" jsonb not null, "subtotal" int not null, "deducted" int not null, "total" int not null, "rank" smallint not null, "peer_count" smallint not null, "veto_status" text check ("veto_status" in ('NONE', 'PROPOSED', 'CONFIRMED', 'REVOKED')) not null default 'NONE', "computed_at" timestamptz not null, "changes" jsonb not null, constraint "assessment_result_pkey" primary key ("id"));`);
    this.addSql(`create index "assessment_result_county_id_index" on "assessment_result" ("county_id");`);
    this.addSql(`create index "assessment_result_township_id_index" on "assessment_result" ("township_id");`);
    this.addSql(`create index "assessment_result_village_id_index" on "assessment_result" ("village_id");`);
    this.addSql(`create index "assessment_result_county_id_year_unit_kind_index" on "assessment_result" ("county_id", "year", "unit_kind");`);
    this.addSql(`alter table "assessment_result" add constraint "assessment_result_unit_id_year_unique" unique ("unit_id", "year");`);

    this.addSql(`create table "assessment_objection" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "township_id" uuid null, "village_id" uuid null, "year" smallint not null, "result_id" uuid not null, "unit_id" uuid not null, "stage" text check ("stage" in ('DRAFT', 'REVIEW', 'PUBLISHED')) not null default 'REVIEW', "indicator_figure" text null, "veto_id" uuid null, "reason" text not null, "filed_at" timestamptz not null, "filed_by_name" text not null, "status" text check ("status" in ('OPEN', 'UPHELD', 'REJECTED')) not null default 'OPEN', "answer" text null, "correction" int not null default 0, "answered_at" timestamptz null, "answered_by_name" text null, constraint "assessment_objection_pkey" primary key ("id"));`);
    this.addSql(`create index "assessment_objection_county_id_index" on "assessment_objection" ("county_id");`);
    this.addSql(`create index "assessment_objection_township_id_index" on "assessment_objection" ("township_id");`);
    this.addSql(`create index "assessment_objection_village_id_index" on "assessment_objection" ("village_id");`);
    this.addSql(`create index "assessment_objection_result_id_index" on "assessment_objection" ("result_id");`);

    this.addSql(`alter table "commendation" add constraint "commendation_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);

    this.addSql(`alter table "assessment_veto" add constraint "assessment_veto_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);

    this.addSql(`alter table "assessment_result" add constraint "assessment_result_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);

    this.addSql(`alter table "assessment_objection" add constraint "assessment_objection_result_id_foreign" foreign key ("result_id") references "assessment_result" ("id") on update cascade;`);
    this.addSql(`alter table "assessment_objection" add constraint "assessment_objection_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "assessment_objection" add constraint "assessment_objection_veto_id_foreign" foreign key ("veto_id") references "assessment_veto" ("id") on update cascade on delete set null;`);

    // A veto's history is evidence of the committee's decisions: append-only, like the timeline.
    this.addSql('revoke update, delete, truncate on assessment_veto_event from xinfang_app;');
    this.addSql(`create trigger assessment_veto_event_append_only before update or delete on "assessment_veto_event" for each row execute function refuse_append_only_change();`);
    this.addSql(`create trigger assessment_veto_event_no_truncate before truncate on "assessment_veto_event" for each statement execute function refuse_append_only_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists assessment_veto_event_append_only on "assessment_veto_event";`);
    this.addSql(`drop trigger if exists assessment_veto_event_no_truncate on "assessment_veto_event";`);
    this.addSql(`alter table "assessment_objection" drop constraint "assessment_objection_veto_id_foreign";`);

    this.addSql(`alter table "assessment_objection" drop constraint "assessment_objection_result_id_foreign";`);

    this.addSql(`drop table if exists "assessment_scheme" cascade;`);

    this.addSql(`drop table if exists "assessment_veto_event" cascade;`);

    this.addSql(`drop table if exists "assessment_year" cascade;`);

    this.addSql(`drop table if exists "commendation" cascade;`);

    this.addSql(`drop table if exists "assessment_veto" cascade;`);

    this.addSql(`drop table if exists "assessment_result" cascade;`);

    this.addSql(`drop table if exists "assessment_objection" cascade;`);
  }

}
