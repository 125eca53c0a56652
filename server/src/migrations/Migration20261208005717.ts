import { Migration } from '@mikro-orm/migrations';

export class Migration20261208005717 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification" drop constraint if exists "notification_kind_check";`);

    this.addSql(`alter table "notification" add column "assessment_year" smallint null;`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check("kind" in ('WARNING_YELLOW', 'WARNING_RED', 'OWNERSHIP_MISSING', 'ORDER_ISSUED', 'ORDER_REOPENED', 'CIRCULAR_PUBLISHED', 'ASSESSMENT_REVIEW', 'ASSESSMENT_PUBLISHED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop constraint if exists "notification_kind_check";`);

    this.addSql(`alter table "notification" drop column "assessment_year";`);

    this.addSql(`alter table "notification" add constraint "notification_kind_check" check("kind" in ('WARNING_YELLOW', 'WARNING_RED', 'OWNERSHIP_MISSING', 'ORDER_ISSUED', 'ORDER_REOPENED', 'CIRCULAR_PUBLISHED'));`);
  }

}
