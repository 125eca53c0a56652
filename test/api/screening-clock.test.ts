import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '@xinfang/domain';
import { DATABASE_MODES, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { ok } from '../support/petitions.js';
import { ScreeningClient, clearScreening, todayInShanghai, unitsByName, type Period } from '../support/screening.js';

/**
 * The due day in Beijing: a report submitted at 23:30 on the due day is on time, one at 00:30 the
 * next day is late, whatever the server's own clock zone (UTC here). The clock is moved back to those
 * moments and the server asked as it would be then.
 */
describe.each(DATABASE_MODES)('the due day in Asia/Shanghai on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: ScreeningClient;
  let unitId: string;
  let periods: Period[];
  const today = todayInShanghai();

  /** Signs in at the moved clock (a token from the real present would come from the future). */
  async function at(instant: string) {
    vi.setSystemTime(new Date(instant));
    return Promise.all([ScreeningClient.as(platform.url, 'shiqiao'), ScreeningClient.as(platform.url, 'bureau')]);
  }
  const statusOf = async (reader: ScreeningClient, p: Period) =>
    ok(await reader.periods(unitId, p.periodStart, p.periodEnd)).screeningPeriods.find((x) => x.periodStart === p.periodStart)!;

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    bureau = await ScreeningClient.as(platform.url, 'bureau');
    unitId = (await unitsByName(bureau)).get('石桥村')!.id;
    await clearScreening(platform, [unitId]);
    periods = ok(await bureau.periods(unitId, addDays(today, -120), today)).screeningPeriods.filter((p) => p.dueDate < addDays(today, -1));
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await platform?.stop();
  });

  it('takes a report at 23:30 in Beijing on the due day as on time', async () => {
    const p = periods.at(-2)!;
    const [shiqiao, reader] = await at(`${p.dueDate}T15:30:00Z`);
    expect(todayInShanghai()).toBe(p.dueDate);
    expect((await statusOf(reader, p)).status).toBe('DUE');
    const report = ok(await shiqiao.submit({ unitId, periodStart: p.periodStart, isZeroReport: true })).submitScreeningReport;
    expect(report).toMatchObject({ submittedOn: p.dueDate, status: 'SUBMITTED' });
  });

  it('takes a report at 00:30 in Beijing the day after as late, and shows the period missing until then', async () => {
    const p = periods.at(-1)!;
    const [, before] = await at(`${p.dueDate}T15:59:00Z`);
    expect((await statusOf(before, p)).status).toBe('DUE');
    const [shiqiao, reader] = await at(`${p.dueDate}T16:30:00Z`);
    expect(todayInShanghai()).toBe(addDays(p.dueDate, 1));
    expect((await statusOf(reader, p)).status).toBe('MISSING');
    const report = ok(await shiqiao.submit({ unitId, periodStart: p.periodStart, isZeroReport: true })).submitScreeningReport;
    expect(report).toMatchObject({ submittedOn: addDays(p.dueDate, 1), status: 'LATE' });
  });

  it('keeps both as they were submitted once the clock is back', async () => {
    vi.useRealTimers();
    const now = await ScreeningClient.as(platform.url, 'bureau');
    expect((await statusOf(now, periods.at(-2)!)).status).toBe('SUBMITTED');
    expect((await statusOf(now, periods.at(-1)!)).status).toBe('LATE');
  });
});
