import { Migration } from '@mikro-orm/migrations';

export class Migration20261126192038 extends Migration {

  override async up(): Promise<void> {
    // Trigram search over Chinese text (petitions) works in PostgreSQL and PGlite alike. Extensions are
    // outside the entities, so the generator neither writes nor drops this.
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`create table "login_throttle" ("key" text not null, "failures" int not null default 0, "first_failure_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" text not null, "kind" text check ("kind" in ('COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP', 'DEPARTMENT', 'BUREAU', 'SUPERVISION_GROUP')) not null, "parent_id" uuid null, "path" text not null, "depth" smallint not null, "county_id" uuid not null, "township_id" uuid null, "village_id" uuid null, "sort_order" int not null default 0, constraint "unit_pkey" primary key ("id"));`);
    this.addSql(`create index "unit_parent_id_index" on "unit" ("parent_id");`);
    this.addSql(`alter table "unit" add constraint "unit_path_unique" unique ("path");`);
    this.addSql(`create index "unit_county_id_index" on "unit" ("county_id");`);
    this.addSql(`create index "unit_township_id_index" on "unit" ("township_id");`);
    this.addSql(`create index "unit_village_id_index" on "unit" ("village_id");`);
    this.addSql(`create index "unit_path_prefix_index" on "unit" ("path" text_pattern_ops);`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "username" text not null, "display_name" text not null, "password_hash" text not null, "unit_id" uuid not null, "county_id" uuid not null, "roles" text[] not null, "active" boolean not null default true, "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"), constraint app_user_roles_not_empty check (cardinality(roles) > 0));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`create index "app_user_unit_id_index" on "app_user" ("unit_id");`);
    this.addSql(`create index "app_user_county_id_index" on "app_user" ("county_id");`);

    this.addSql(`alter table "unit" add constraint "unit_parent_id_foreign" foreign key ("parent_id") references "unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade;`);
  }

}
