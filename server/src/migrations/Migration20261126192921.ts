import { Migration } from '@mikro-orm/migrations';

export class Migration20261126192921 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "sessions_valid_from" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "sessions_valid_from";`);
  }

}
