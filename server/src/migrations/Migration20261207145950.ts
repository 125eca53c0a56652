import { Migration } from '@mikro-orm/migrations';
import { holidayCalendar, petitionDeadlines, type HolidayCalendar, type PetitionStatus } from '@xinfang/domain';

/**
 * `petition.answered_on_time`: whether an answer came by the answer deadline (the figure onTimeRate),
 * kept beside the current deadline on every change. Filled here for the petitions answered already,
 * with the same deadline rules and each county's holiday calendar.
 */
export class Migration20261207145950 extends Migration {
  override async up(): Promise<void> {
    await this.execute('alter table "petition" add column "answered_on_time" boolean null;');
    const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD') as ${column}`;
    const rows = (await this.execute(
      `select id, county_id, status, extension_status, extension_days, ${['received_at', 'accepted_at', 'assigned_at', 'notice_sent_at', 'answered_at'].map(day).join(', ')}
       from petition where answered_at is not null`,
    )) as Array<{ id: string; county_id: string; status: PetitionStatus; extension_status: string; extension_days: number; received_at: string; accepted_at: string | null; assigned_at: string | null; notice_sent_at: string | null; answered_at: string }>;
    if (rows.length === 0) return;
    const calendars = new Map<string, HolidayCalendar>();
    const days = (await this.execute(`select county_id, to_char(date, 'YYYY-MM-DD') as date, kind from calendar_day`)) as Array<{ county_id: string; date: string; kind: 'HOLIDAY' | 'WORKDAY' }>;
    const calendarOf = (countyId: string) => {
      if (!calendars.has(countyId)) calendars.set(countyId, holidayCalendar(days.filter((d) => d.county_id === countyId)));
      return calendars.get(countyId)!;
    };
    const onTime: string[] = [];
    const late: string[] = [];
    for (const r of rows) {
      const d = petitionDeadlines(
        { status: r.status, receivedAt: r.received_at, acceptedAt: r.accepted_at, assignedAt: r.assigned_at, noticeSentAt: r.notice_sent_at, extensionDays: r.extension_status === 'APPROVED' ? r.extension_days : 0 },
        calendarOf(r.county_id),
      );
      if (d.answerBy) (r.answered_at <= d.answerBy ? onTime : late).push(r.id);
    }
    for (const [ids, value] of [[onTime, true], [late, false]] as const) {
      for (let i = 0; i < ids.length; i += 1000) {
        const batch = ids.slice(i, i + 1000);
        if (batch.length) await this.execute(`update petition set answered_on_time = ${value} where id in (${batch.map((id) => `'${id}'`).join(', ')})`);
      }
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "petition" drop column "answered_on_time";`);
  }
}
