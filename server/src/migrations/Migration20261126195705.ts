import { Migration } from '@mikro-orm/migrations';

export class Migration20261126195705 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_record" ("id" uuid not null, "at" timestamptz not null, "user_id" uuid not null, "unit_id" uuid not null, "county_id" uuid not null, "petition_id" uuid not null, "fields" text[] not null, "via" text not null, constraint "audit_record_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_record_at_index" on "audit_record" ("at");`);
    this.addSql(`create index "audit_record_user_id_index" on "audit_record" ("user_id");`);
    this.addSql(`create index "audit_record_county_id_index" on "audit_record" ("county_id");`);
    this.addSql(`create index "audit_record_petition_id_index" on "audit_record" ("petition_id");`);

    this.addSql(`create table "calendar_day" ("county_id" uuid not null, "date" date not null, "kind" text check ("kind" in ('HOLIDAY', 'WORKDAY')) not null, "name" text not null, constraint "calendar_day_pkey" primary key ("county_id", "date"));`);

    this.addSql(`create table "category_route" ("county_id" uuid not null, "category_code" text not null, "unit_id" uuid not null, constraint "category_route_pkey" primary key ("county_id", "category_code"));`);

    this.addSql(`create table "petition_category" ("code" text not null, "name" text not null, "sort_order" int not null default 0, constraint "petition_category_pkey" primary key ("code"));`);

    this.addSql(`create table "petition_chain" ("county_id" uuid not null, "last_seq" bigint not null, "last_hash" text not null, constraint "petition_chain_pkey" primary key ("county_id"));`);

    this.addSql(`create table "petition_event" ("id" uuid not null, "county_id" uuid not null, "seq" bigint not null, "petition_id" uuid not null, "type" text not null, "actor_user_id" uuid null, "actor_unit_id" uuid null, "actor_name" text not null, "at" timestamptz not null, "from_status" text null, "to_status" text null, "note" text null, "data" jsonb null, "prev_hash" text not null, "hash" text not null, constraint "petition_event_pkey" primary key ("id"));`);
    this.addSql(`create index "petition_event_petition_id_index" on "petition_event" ("petition_id");`);
    this.addSql(`alter table "petition_event" add constraint "petition_event_county_id_seq_unique" unique ("county_id", "seq");`);

    this.addSql(`create table "petition_sequence" ("county_id" uuid not null, "year" int not null, "last_value" int not null, constraint "petition_sequence_pkey" primary key ("county_id", "year"));`);

    this.addSql(`create table "petition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "receipt_code" text not null, "county_id" uuid not null, "township_id" uuid null, "village_id" uuid null, "location_unit_id" uuid not null, "channel" text check ("channel" in ('LETTER', 'VISIT', 'ONLINE', 'PHONE')) not null, "kind" text check ("kind" in ('SUGGESTION', 'ACCUSATION', 'CLAIM')) not null, "category_code" text not null, "subject" text not null, "content" text not null, "received_at" date not null, "headcount" int not null default 1, "is_collective" boolean not null default false, "is_initial" boolean not null default true, "repeat_of_id" uuid null, "handling_unit_id" uuid null, "handling_mode" text check ("handling_mode" in ('FORWARD', 'ASSIGN')) null, "assigned_at" date null, "respondent_unit_id" uuid null, "respondent_name" text null, "petitioner_name" text not null, "petitioner_id_number" text null, "petitioner_phone" text null, "petitioner_address" text null, "status" text check ("status" in ('REGISTERED', 'ACCEPTED', 'NOT_ACCEPTED', 'IN_PROGRESS', 'ANSWERED', 'REVIEW', 'RE_REVIEW', 'CLOSED')) not null default 'REGISTERED', "accepted_at" date null, "decline_reason" text null, "notice_sent_at" date null, "answered_at" date null, "answer_text" text null, "extension_status" text check ("extension_status" in ('NONE', 'REQUESTED', 'APPROVED', 'REJECTED')) not null default 'NONE', "extension_days" int not null default 0, "extension_reason" text null, "satisfaction" text check ("satisfaction" in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')) null, "rated_at" date null, "review_requested_at" date null, "review_decided_at" date null, "re_review_requested_at" date null, "re_review_decided_at" date null, "hearing_days" int not null default 0, "closed_at" date null, "is_final" boolean not null default false, "petitioner_settled" boolean not null default false, "is_key_matter" boolean not null default false, "is_backlog" boolean not null default false, "is_supervised" boolean not null default false, "owner_leader_id" uuid null, "current_deadline" date null, "registered_by_id" uuid not null, constraint "petition_pkey" primary key ("id"));`);
    this.addSql(`alter table "petition" add constraint "petition_number_unique" unique ("number");`);
    this.addSql(`alter table "petition" add constraint "petition_receipt_code_unique" unique ("receipt_code");`);
    this.addSql(`create index "petition_county_id_index" on "petition" ("county_id");`);
    this.addSql(`create index "petition_township_id_index" on "petition" ("township_id");`);
    this.addSql(`create index "petition_village_id_index" on "petition" ("village_id");`);
    this.addSql(`create index "petition_location_unit_id_index" on "petition" ("location_unit_id");`);
    this.addSql(`create index "petition_kind_index" on "petition" ("kind");`);
    this.addSql(`create index "petition_category_code_index" on "petition" ("category_code");`);
    this.addSql(`create index "petition_received_at_index" on "petition" ("received_at");`);
    this.addSql(`create index "petition_repeat_of_id_index" on "petition" ("repeat_of_id");`);
    this.addSql(`create index "petition_handling_unit_id_index" on "petition" ("handling_unit_id");`);
    this.addSql(`create index "petition_respondent_unit_id_index" on "petition" ("respondent_unit_id");`);
    this.addSql(`create index "petition_petitioner_name_index" on "petition" ("petitioner_name");`);
    this.addSql(`create index "petition_petitioner_id_number_index" on "petition" ("petitioner_id_number");`);
    this.addSql(`create index "petition_status_index" on "petition" ("status");`);
    this.addSql(`create index "petition_owner_leader_id_index" on "petition" ("owner_leader_id");`);
    this.addSql(`create index "petition_current_deadline_index" on "petition" ("current_deadline");`);
    this.addSql(`create index "petition_petitioner_name_petitioner_phone_index" on "petition" ("petitioner_name", "petitioner_phone");`);
    this.addSql(`create index "petition_content_trgm" on "petition" using gin ("content" gin_trgm_ops);`);
    this.addSql(`create index "petition_subject_trgm" on "petition" using gin ("subject" gin_trgm_ops);`);

    this.addSql(`alter table "petition" add constraint "petition_location_unit_id_foreign" foreign key ("location_unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "petition" add constraint "petition_repeat_of_id_foreign" foreign key ("repeat_of_id") references "petition" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "petition" add constraint "petition_handling_unit_id_foreign" foreign key ("handling_unit_id") references "unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "petition" add constraint "petition_respondent_unit_id_foreign" foreign key ("respondent_unit_id") references "unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "unit" add column "code" text null, add column "function" text check ("function" in ('DISCIPLINE_COMMISSION')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "petition" drop constraint "petition_repeat_of_id_foreign";`);

    this.addSql(`drop table if exists "audit_record" cascade;`);

    this.addSql(`drop table if exists "calendar_day" cascade;`);

    this.addSql(`drop table if exists "category_route" cascade;`);

    this.addSql(`drop table if exists "petition_category" cascade;`);

    this.addSql(`drop table if exists "petition_chain" cascade;`);

    this.addSql(`drop table if exists "petition_event" cascade;`);

    this.addSql(`drop table if exists "petition_sequence" cascade;`);

    this.addSql(`drop table if exists "petition" cascade;`);

    this.addSql(`alter table "unit" drop column "code", drop column "function";`);
  }

}
