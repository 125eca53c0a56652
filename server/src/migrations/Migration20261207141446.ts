import { Migration } from '@mikro-orm/migrations';

export class Migration20261207141446 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "conference" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "held_on" date not null, "title" text not null, "chair_user_id" uuid not null, "venue" text null, "attending_unit_ids" uuid[] not null, "attendees" text null, "recorded_by_user_id" uuid not null, constraint "conference_pkey" primary key ("id"));`);
    this.addSql(`create index "conference_county_id_held_on_index" on "conference" ("county_id", "held_on");`);

    this.addSql(`create table "supervision_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "number" text not null, "unit_id" uuid not null, "parent_unit_id" uuid null, "target_kind" text check ("target_kind" in ('PETITION', 'SCREENING_REPORT', 'CONFERENCE_TASK')) not null, "petition_id" uuid null, "screening_report_id" uuid null, "conference_task_id" uuid null, "requirement" text not null, "due_on" date not null, "issued_on" date not null, "issued_by_user_id" uuid not null, "status" text check ("status" in ('ISSUED', 'REPORTED', 'REOPENED', 'ACCEPTED')) not null default 'ISSUED', "report" text null, "reported_on" date null, "closed_on" date null, "reopen_count" smallint not null default 0, "met_on_time" boolean null, constraint "supervision_order_pkey" primary key ("id"));`);
    this.addSql(`create index "supervision_order_county_id_index" on "supervision_order" ("county_id");`);
    this.addSql(`create index "supervision_order_unit_id_index" on "supervision_order" ("unit_id");`);
    this.addSql(`create index "supervision_order_parent_unit_id_index" on "supervision_order" ("parent_unit_id");`);
    this.addSql(`create index "supervision_order_petition_id_index" on "supervision_order" ("petition_id");`);
    this.addSql(`create index "supervision_order_status_due_on_index" on "supervision_order" ("status", "due_on");`);
    this.addSql(`alter table "supervision_order" add constraint "supervision_order_county_id_number_unique" unique ("county_id", "number");`);

    this.addSql(`create table "supervision_event" ("id" uuid not null, "order_id" uuid not null, "step" text check ("step" in ('ISSUED', 'REPORTED', 'ACCEPTED', 'REOPENED')) not null, "at" timestamptz not null, "actor_user_id" uuid not null, "actor_name" text not null, "note" text null, "due_on" date null, constraint "supervision_event_pkey" primary key ("id"));`);
    this.addSql(`create index "supervision_event_order_id_at_index" on "supervision_event" ("order_id", "at");`);

    this.addSql(`create table "conference_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "conference_id" uuid not null, "petition_id" uuid not null, "position" smallint not null, "decision" text not null, constraint "conference_item_pkey" primary key ("id"));`);
    this.addSql(`create index "conference_item_conference_id_index" on "conference_item" ("conference_id");`);
    this.addSql(`create index "conference_item_petition_id_index" on "conference_item" ("petition_id");`);

    this.addSql(`create table "conference_task" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "conference_id" uuid not null, "item_id" uuid not null, "petition_id" uuid not null, "owner_unit_id" uuid not null, "owner_parent_unit_id" uuid null, "description" text not null, "due_on" date not null, "done_on" date null, "done_note" text null, constraint "conference_task_pkey" primary key ("id"));`);
    this.addSql(`create index "conference_task_county_id_index" on "conference_task" ("county_id");`);
    this.addSql(`create index "conference_task_conference_id_index" on "conference_task" ("conference_id");`);
    this.addSql(`create index "conference_task_petition_id_index" on "conference_task" ("petition_id");`);
    this.addSql(`create index "conference_task_owner_parent_unit_id_index" on "conference_task" ("owner_parent_unit_id");`);
    this.addSql(`create index "conference_task_owner_unit_id_done_on_index" on "conference_task" ("owner_unit_id", "done_on");`);

    this.addSql(`create table "circular" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "number" text not null, "title" text not null, "unit_id" uuid not null, "failure" text not null, "order_id" uuid null, "petition_id" uuid null, "published_on" date not null, "published_by_user_id" uuid not null, constraint "circular_pkey" primary key ("id"));`);
    this.addSql(`create index "circular_county_id_index" on "circular" ("county_id");`);
    this.addSql(`create index "circular_unit_id_index" on "circular" ("unit_id");`);
    this.addSql(`create index "circular_order_id_index" on "circular" ("order_id");`);
    this.addSql(`create index "circular_petition_id_index" on "circular" ("petition_id");`);
    this.addSql(`alter table "circular" add constraint "circular_county_id_number_unique" unique ("county_id", "number");`);

    this.addSql(`create table "accountability_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "county_id" uuid not null, "unit_id" uuid not null, "post" text not null, "measure" text check ("measure" in ('ADMONITION', 'CRITICISM', 'ORGANISATIONAL', 'PARTY_DISCIPLINE', 'GOVERNMENT_SANCTION', 'OTHER')) not null, "measure_detail" text null, "authority" text not null, "decided_on" date not null, "reason" text null, "order_id" uuid null, "circular_id" uuid null, "petition_id" uuid null, "recorded_by_user_id" uuid not null, constraint "accountability_record_pkey" primary key ("id"));`);
    this.addSql(`create index "accountability_record_county_id_index" on "accountability_record" ("county_id");`);
    this.addSql(`create index "accountability_record_unit_id_index" on "accountability_record" ("unit_id");`);

    this.addSql(`alter table "supervision_order" add constraint "supervision_order_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "supervision_order" add constraint "supervision_order_petition_id_foreign" foreign key ("petition_id") references "petition" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "supervision_event" add constraint "supervision_event_order_id_foreign" foreign key ("order_id") references "supervision_order" ("id") on update cascade;`);

    this.addSql(`alter table "conference_item" add constraint "conference_item_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conference_item" add constraint "conference_item_petition_id_foreign" foreign key ("petition_id") references "petition" ("id") on update cascade;`);

    this.addSql(`alter table "conference_task" add constraint "conference_task_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conference_task" add constraint "conference_task_item_id_foreign" foreign key ("item_id") references "conference_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conference_task" add constraint "conference_task_petition_id_foreign" foreign key ("petition_id") references "petition" ("id") on update cascade;`);
    this.addSql(`alter table "conference_task" add constraint "conference_task_owner_unit_id_foreign" foreign key ("owner_unit_id") references "unit" ("id") on update cascade;`);

    this.addSql(`alter table "circular" add constraint "circular_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "circular" add constraint "circular_order_id_foreign" foreign key ("order_id") references "supervision_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "circular" add constraint "circular_petition_id_foreign" foreign key ("petition_id") references "petition" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "accountability_record" add constraint "accountability_record_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
    this.addSql(`alter table "accountability_record" add constraint "accountability_record_order_id_foreign" foreign key ("order_id") references "supervision_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "accountability_record" add constraint "accountability_record_circular_id_foreign" foreign key ("circular_id") references "circular" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "accountability_record" add constraint "accountability_record_petition_id_foreign" foreign key ("petition_id") references "petition" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notification" drop constraint if exists "notification_kind_check";`);

    this.addSql(`alter table "notification" add column "order_id" uuid null, add column "task_id" uuid null, add column "circular_id" uuid null;`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check("kind" in ('WARNING_YELLOW', 'WARNING_RED', 'OWNERSHIP_MISSING', 'ORDER_ISSUED', 'ORDER_REOPENED', 'CIRCULAR_PUBLISHED'));`);

    // An order's history and a published circular are evidence (the assessment counts them): append-only,
    // like the timeline (Migration20261203131000).
    this.addSql('revoke update, delete, truncate on supervision_event, circular from xinfang_app;');
    for (const table of ['supervision_event', 'circular']) {
      this.addSql(`create trigger ${table}_append_only before update or delete on "${table}" for each row execute function refuse_append_only_change();`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on "${table}" for each statement execute function refuse_append_only_change();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['supervision_event', 'circular']) {
      this.addSql(`drop trigger if exists ${table}_append_only on "${table}";`);
      this.addSql(`drop trigger if exists ${table}_no_truncate on "${table}";`);
    }
    this.addSql(`alter table "conference_item" drop constraint "conference_item_conference_id_foreign";`);

    this.addSql(`alter table "conference_task" drop constraint "conference_task_conference_id_foreign";`);

    this.addSql(`alter table "supervision_event" drop constraint "supervision_event_order_id_foreign";`);

    this.addSql(`alter table "circular" drop constraint "circular_order_id_foreign";`);

    this.addSql(`alter table "accountability_record" drop constraint "accountability_record_order_id_foreign";`);

    this.addSql(`alter table "conference_task" drop constraint "conference_task_item_id_foreign";`);

    this.addSql(`alter table "accountability_record" drop constraint "accountability_record_circular_id_foreign";`);

    this.addSql(`drop table if exists "conference" cascade;`);

    this.addSql(`drop table if exists "supervision_order" cascade;`);

    this.addSql(`drop table if exists "supervision_event" cascade;`);

    this.addSql(`drop table if exists "conference_item" cascade;`);

    this.addSql(`drop table if exists "conference_task" cascade;`);

    this.addSql(`drop table if exists "circular" cascade;`);

    this.addSql(`drop table if exists "accountability_record" cascade;`);

    this.addSql(`alter table "notification" drop constraint if exists "notification_kind_check";`);

    this.addSql(`alter table "notification" drop column "order_id", drop column "task_id", drop column "circular_id";`);

    this.addSql(`alter table "notification" add constraint "notification_kind_check" check("kind" in ('WARNING_YELLOW', 'WARNING_RED', 'OWNERSHIP_MISSING'));`);
  }

}
