import { Migration } from '@mikro-orm/migrations';

export class Migration20261203125345 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "revoked_session" ("id" uuid not null, "user_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz not null, constraint "revoked_session_pkey" primary key ("id"));`);
    this.addSql(`create index "revoked_session_expires_at_index" on "revoked_session" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "revoked_session" cascade;`);
  }

}
