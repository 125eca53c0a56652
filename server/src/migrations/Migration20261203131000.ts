import { Migration } from '@mikro-orm/migrations';

/** Only read and added to: the audit of reads and changes, and the petitions' hash-chained timeline. */
const APPEND_ONLY = ['audit_record', 'audit_change', 'petition_event'];

/**
 * The change audit, and the role the application works as (`xinfang_app`, switched to on every
 * pooled connection after the migrations: server/src/db/orm.ts). The role may read, add, change and
 * delete the rows of every table but the append-only ones, which it may only read and add to. A
 * trigger also refuses UPDATE, DELETE and TRUNCATE on those to every role, the owner too, unless the
 * transaction says `set local xinfang.maintenance = 'on'` (an operator's deliberate repair).
 *
 * Roles belong to the whole PostgreSQL server, not to one database: the role is created once and
 * left in place when a database is dropped; the grants are this database's. Creating it needs
 * superuser or CREATEROLE. Tables that later migrations create get the same rights by default
 * privileges (those migrations run as the same owner); a later append-only table must revoke
 * UPDATE and DELETE and get the trigger, as here.
 */
export class Migration20261203131000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_change" ("id" uuid not null, "at" timestamptz not null, "user_id" uuid not null, "unit_id" uuid not null, "county_id" uuid not null, "action" text not null, "entity" text not null, "entity_id" text not null, "fields" text[] not null, constraint "audit_change_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_change_at_index" on "audit_change" ("at");`);
    this.addSql(`create index "audit_change_user_id_index" on "audit_change" ("user_id");`);
    this.addSql(`create index "audit_change_county_id_index" on "audit_change" ("county_id");`);
    this.addSql(`create index "audit_change_entity_entity_id_index" on "audit_change" ("entity", "entity_id");`);

    // Databases migrating at once on one server (tests, several instances) may both find no role.
    this.addSql(`do $$ begin
      if not exists (select from pg_roles where rolname = 'xinfang_app') then
        create role xinfang_app nologin;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$;`);
    // The owner must be able to SET ROLE to it (a superuser can already).
    this.addSql(`do $$ begin
      if not pg_has_role(current_user, 'xinfang_app', 'MEMBER') then
        execute format('grant xinfang_app to %I', current_user);
      end if;
    end $$;`);
    this.addSql('grant usage on schema public to xinfang_app;');
    this.addSql('grant select, insert, update, delete on all tables in schema public to xinfang_app;');
    this.addSql('grant usage, select on all sequences in schema public to xinfang_app;');
    this.addSql('alter default privileges in schema public grant select, insert, update, delete on tables to xinfang_app;');
    this.addSql('alter default privileges in schema public grant usage, select on sequences to xinfang_app;');
    // The migrations' own ledger is the owner's business.
    this.addSql('revoke all on mikro_orm_migrations from xinfang_app;');
    this.addSql(`revoke update, delete, truncate on ${APPEND_ONLY.join(', ')} from xinfang_app;`);

    this.addSql(`create or replace function refuse_append_only_change() returns trigger language plpgsql as $$
    begin
      if current_setting('xinfang.maintenance', true) = 'on' then
        if tg_level = 'STATEMENT' then return null; end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end if;
      raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$;`);
    for (const table of APPEND_ONLY) {
      this.addSql(`create trigger ${table}_append_only before update or delete on "${table}" for each row execute function refuse_append_only_change();`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on "${table}" for each statement execute function refuse_append_only_change();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of APPEND_ONLY.filter((t) => t !== 'audit_change')) {
      this.addSql(`drop trigger if exists ${table}_append_only on "${table}";`);
      this.addSql(`drop trigger if exists ${table}_no_truncate on "${table}";`);
    }
    this.addSql('drop function if exists refuse_append_only_change() cascade;');
    this.addSql('alter default privileges in schema public revoke all on tables from xinfang_app;');
    this.addSql('alter default privileges in schema public revoke all on sequences from xinfang_app;');
    this.addSql('revoke all on all tables in schema public from xinfang_app;');
    this.addSql('revoke all on all sequences in schema public from xinfang_app;');
    this.addSql('revoke usage on schema public from xinfang_app;');
    this.addSql(`drop table if exists "audit_change" cascade;`);
  }

}
