import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, lastDayOfMonth } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { ok } from '../support/petitions.js';
import { ScreeningClient, clearScreening, monthOf, todayInShanghai, unitsByName, type Period } from '../support/screening.js';

interface Rule {
  unitKind: string;
  cadence: string;
  dueAfterDays: number;
  effectiveFrom: string;
}

const RULES = '{ screeningRules { unitKind cadence dueAfterDays effectiveFrom } }';
const SET = 'mutation($input: ScreeningRuleInput!) { setScreeningRule(input: $input) { unitKind cadence dueAfterDays effectiveFrom } }';

/** The Monday of the week that `date` falls in. */
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

describe.each(DATABASE_MODES)('screening cadence rules on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: ScreeningClient;
  let units: Map<string, { id: string; kind: string }>;
  const id = (name: string) => units.get(name)!.id;
  const today = todayInShanghai();
  const nextFirst = addDays(lastDayOfMonth(today), 1);
  const rules = async (client = bureau) => ok(await client.query(RULES)).screeningRules as Rule[];

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    bureau = await ScreeningClient.as(platform.url, 'bureau');
    units = await unitsByName(bureau);
    await clearScreening(platform, ['石桥村', '青山村一组'].map(id));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await platform?.stop();
  });

  it('lets only the bureau set a rule, from the first day of a future month, with a due day 0–15 days out; a refusal saves nothing', async () => {
    const before = await rules();
    const input = { unitKind: 'VILLAGE', cadence: 'WEEKLY', dueAfterDays: 2, effectiveFrom: nextFirst };
    for (const username of ['secretary', 'supervisor', 'qingshan', 'shiqiao', 'land', 'admin']) {
      const client = await ScreeningClient.as(platform.url, username);
      expect(codeOf(await client.query(SET, { input })), username).toBe('FORBIDDEN');
    }
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ effectiveFrom: addDays(nextFirst, 1) }, 'effectiveFrom', 'NOT_FIRST_OF_MONTH'],
      [{ effectiveFrom: `${monthOf(today)}-01` }, 'effectiveFrom', 'NOT_IN_FUTURE'],
      [{ effectiveFrom: '2020-01-01' }, 'effectiveFrom', 'NOT_IN_FUTURE'],
      [{ dueAfterDays: 16 }, 'dueAfterDays', 'DUE_AFTER_DAYS'],
      [{ dueAfterDays: -1 }, 'dueAfterDays', 'DUE_AFTER_DAYS'],
    ];
    for (const [over, field, reason] of cases) {
      const answer = await bureau.query(SET, { input: { ...input, ...over } });
      expect(codeOf(answer), JSON.stringify(over)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0]!.extensions).toMatchObject({ field, reason });
    }
    expect(codeOf(await bureau.query(SET, { input: { ...input, effectiveFrom: '2026-02-30' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bureau.query(SET, { input: { ...input, unitKind: 'BUREAU' } }))).toBe('BAD_USER_INPUT');
    expect(await rules()).toEqual(before);
  });

  it('schedules a new cadence, once per kind and month, that every screening role reads', async () => {
    // Set on the month's first day, so that no running week of the groups reaches into next month
    // (that is refused: see below), whatever day the tests run.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date(`${monthOf(today)}-01T04:00:00Z`));
    const before = await rules();
    ok(await bureau.query(SET, { input: { unitKind: 'VILLAGE', cadence: 'MONTHLY', dueAfterDays: 4, effectiveFrom: nextFirst } }));
    // Setting the same month again replaces it rather than adding a second rule.
    const village = ok(await bureau.query(SET, { input: { unitKind: 'VILLAGE', cadence: 'WEEKLY', dueAfterDays: 2, effectiveFrom: nextFirst } })).setScreeningRule;
    expect(village).toEqual({ unitKind: 'VILLAGE', cadence: 'WEEKLY', dueAfterDays: 2, effectiveFrom: nextFirst });
    ok(await bureau.query(SET, { input: { unitKind: 'VILLAGE_GROUP', cadence: 'MONTHLY', dueAfterDays: 5, effectiveFrom: nextFirst } }));
    const after = await rules();
    expect(after.length).toBe(before.length + 2);
    expect(after).toEqual(expect.arrayContaining([village, { unitKind: 'VILLAGE_GROUP', cadence: 'MONTHLY', dueAfterDays: 5, effectiveFrom: nextFirst }]));
    for (const username of ['shiqiao', 'qingshan', 'land', 'secretary', 'supervisor']) {
      expect(await rules(await ScreeningClient.as(platform.url, username)), username).toEqual(after);
    }
    expect(await rules(await ScreeningClient.as(platform.url, 'admin'))).toEqual([]);
    // This month keeps its cadence; next month's grid already names the new one.
    const cadence = async (month: string) =>
      new Map((ok(await bureau.compliance(id('青山乡'), month)).screeningCompliance as Array<{ unit: { name: string }; cadence: string }>).map((r) => [r.unit.name, r.cadence]));
    expect(Object.fromEntries(await cadence(monthOf(today)))).toMatchObject({ 青山乡: 'MONTHLY', 石桥村: 'HALF_MONTHLY', 青山村一组: 'WEEKLY' });
    expect(Object.fromEntries(await cadence(monthOf(nextFirst)))).toMatchObject({ 青山乡: 'MONTHLY', 石桥村: 'WEEKLY', 青山村一组: 'MONTHLY' });
    vi.useRealTimers();
  });

  it('keeps one rule when the same month is set twice at the same moment, and answers no internal error', async () => {
    for (let round = 0; round < 3; round++) {
      const effectiveFrom = addDays(lastDayOfMonth(addDays(nextFirst, 40 * round)), 1);
      const answers = await Promise.all(
        (['WEEKLY', 'HALF_MONTHLY'] as const).map((cadence) => bureau.query(SET, { input: { unitKind: 'DEPARTMENT', cadence, dueAfterDays: 3, effectiveFrom } })),
      );
      for (const a of answers) expect([undefined, 'CONFLICT'], a.text).toContain(codeOf(a));
      const won = answers.filter((a) => !a.errors).map((a) => a.data!.setScreeningRule.cadence);
      expect(won.length).toBeGreaterThanOrEqual(1);
      const kept = (await rules()).filter((r) => r.unitKind === 'DEPARTMENT' && r.effectiveFrom === effectiveFrom);
      expect(kept.length).toBe(1);
      expect(won).toContain(kept[0]!.cadence);
    }
  });

  it('derives the periods from the new rules once their month has come, clipping the periods the change cuts', async () => {
    // Three weeks into the new month, at noon in Beijing.
    const later = addDays(nextFirst, 20);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date(`${later}T04:00:00Z`));
    try {
      expect(todayInShanghai()).toBe(later);
      const [reader, shiqiao, yizuUnit] = [await ScreeningClient.as(platform.url, 'bureau'), await ScreeningClient.as(platform.url, 'shiqiao'), id('青山村一组')];
      const periods = async (unitId: string, from: string) => ok(await reader.periods(unitId, from, later)).screeningPeriods.map((p: Period) => [p.periodStart, p.periodEnd, p.dueDate, p.status]);
      const status = (due: string) => (due < later ? 'MISSING' : 'DUE');

      // The village: its last half-month ends with the old month; weeks from the 1st, the first one
      // starting on the 1st even when that is not a Monday.
      const lastHalf = `${monthOf(today)}-16`;
      const expectedVillage: string[][] = [[lastHalf, addDays(nextFirst, -1), addDays(nextFirst, 2), status(addDays(nextFirst, 2))]];
      for (let start = nextFirst; start <= later; start = addDays(mondayOf(start), 7)) {
        const end = addDays(mondayOf(start), 6);
        expectedVillage.push([start, end, addDays(end, 2), status(addDays(end, 2))]);
      }
      expect(await periods(id('石桥村'), lastHalf)).toEqual(expectedVillage);

      // The group: weekly until the change, its last week cut at the month's end; then one month.
      const lastWeek = mondayOf(addDays(nextFirst, -1));
      expect(await periods(yizuUnit, lastWeek)).toEqual([
        [lastWeek, addDays(nextFirst, -1), nextFirst, status(nextFirst)],
        [nextFirst, lastDayOfMonth(nextFirst), addDays(lastDayOfMonth(nextFirst), 5), 'DUE'],
      ]);

      // The clipped first week is a period that can be reported; a Monday inside the old half-month is not.
      const firstWeek = ok(await shiqiao.submit({ unitId: id('石桥村'), periodStart: nextFirst, isZeroReport: true })).submitScreeningReport;
      expect(firstWeek).toMatchObject({ periodStart: nextFirst, periodEnd: expectedVillage[1]![1], dueDate: expectedVillage[1]![2] });
      if (mondayOf(nextFirst) !== nextFirst) {
        const inside = await shiqiao.submit({ unitId: id('石桥村'), periodStart: mondayOf(nextFirst), isZeroReport: true });
        expect(inside.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_PERIOD' });
      }
      // The month's grid counts weeks now.
      const row = (ok(await reader.compliance(id('青山乡'), monthOf(nextFirst))).screeningCompliance as Array<{ unit: { name: string }; cadence: string; expected: number }>).find((r) => r.unit.name === '石桥村')!;
      expect(row).toMatchObject({ cadence: 'WEEKLY', expected: expectedVillage.length - 1 });
      // And a rule for the month that has now begun is refused.
      const now = await reader.query(SET, { input: { unitKind: 'TOWNSHIP', cadence: 'HALF_MONTHLY', dueAfterDays: 3, effectiveFrom: nextFirst } });
      expect(now.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_IN_FUTURE' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a change that would cut a running week short, and calls off a scheduled change until it comes into force', async () => {
    const CANCEL = 'mutation($id: ID!, $v: Int!) { cancelScreeningRule(id: $id, version: $v) }';
    const FULL = '{ screeningRules { id version unitKind cadence effectiveFrom } }';
    // Tuesday 31 December 2030: villages report weekly by now (above), and the week of Monday
    // 30 December runs into January.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2030-12-31T04:00:00Z'));
    try {
      // Signed in under the moved clock: an earlier token has expired by 2030.
      const bureau = await ScreeningClient.as(platform.url, 'bureau');
      const inForce = (await rules(bureau)).filter((r) => r.unitKind === 'VILLAGE' && r.effectiveFrom <= '2030-12-31').at(-1)!;
      expect(inForce.cadence).toBe('WEEKLY');
      const input = { unitKind: 'VILLAGE', cadence: 'HALF_MONTHLY', dueAfterDays: 3 };
      const cut = await bureau.query(SET, { input: { ...input, effectiveFrom: '2031-01-01' } });
      expect(cut.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom', reason: 'RUNNING_PERIOD' });
      expect(cut.errors![0]!.message).toContain('2030-12-30');
      // February: the week of 27 January, which runs into it, has not started.
      ok(await bureau.query(SET, { input: { ...input, effectiveFrom: '2031-02-01' } }));
      const all = ok(await bureau.query(FULL)).screeningRules as Array<{ id: string; version: number; unitKind: string; effectiveFrom: string }>;
      const scheduled = all.find((r) => r.unitKind === 'VILLAGE' && r.effectiveFrom === '2031-02-01')!;
      const old = all.find((r) => r.unitKind === 'VILLAGE' && r.effectiveFrom === inForce.effectiveFrom)!;

      const qingshan = await ScreeningClient.as(platform.url, 'qingshan');
      expect(codeOf(await qingshan.query(CANCEL, { id: scheduled.id, v: scheduled.version }))).toBe('FORBIDDEN');
      expect(codeOf(await bureau.query(CANCEL, { id: scheduled.id, v: scheduled.version + 1 }))).toBe('CONFLICT');
      expect(codeOf(await bureau.query(CANCEL, { id: old.id, v: old.version }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await (await ScreeningClient.as(platform.url, 'admin')).query(CANCEL, { id: scheduled.id, v: scheduled.version }))).toBe('NOT_FOUND');
      expect(ok(await bureau.query(CANCEL, { id: scheduled.id, v: scheduled.version })).cancelScreeningRule).toBe(true);
      expect(codeOf(await bureau.query(CANCEL, { id: scheduled.id, v: scheduled.version }))).toBe('NOT_FOUND');
      const after = ok(await bureau.query(FULL)).screeningRules as Array<{ id: string }>;
      expect(after.map((r) => r.id).sort()).toEqual(all.filter((r) => r.id !== scheduled.id).map((r) => r.id).sort());
    } finally {
      vi.useRealTimers();
    }
  });
});
