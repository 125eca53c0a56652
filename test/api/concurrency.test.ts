import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, startTestPlatform, type GraphQLAnswer, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';
import { ScreeningClient, clearScreening, disputeInput, recentPeriods, unitsByName } from '../support/screening.js';

/**
 * Concurrency (issue 8, trust suite 6): writers racing on one record from the same version. Exactly
 * one wins; every other gets CONFLICT (never an internal error, never a second write), and what is
 * stored shows the winner's change once.
 */
const PARALLEL = 50;
const today = shanghaiDate();

/** How many answers succeeded, and the codes of the others. */
function tally(answers: GraphQLAnswer[]) {
  const won = answers.filter((a) => !a.errors?.length && a.data);
  const codes = answers.filter((a) => a.errors?.length).map((a) => codeOf(a));
  return { won, codes };
}

describe.each(DATABASE_MODES)('concurrent writers on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: Client, qingshan: Client;
  let shiqiao: ScreeningClient;
  let units: Map<string, { id: string; kind: string }>;

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, qingshan] = await Promise.all(['bureau', 'qingshan'].map((u) => Client.as(platform.url, u)));
    shiqiao = await ScreeningClient.as(platform.url, 'shiqiao');
    units = await unitsByName(bureau);
  });
  afterAll(async () => platform?.stop());

  /** A petition of 石桥村 handled by 青山乡, waiting for its answer. */
  async function petitionInProgress() {
    let p = ok(
      await bureau.register({
        channel: 'VISIT',
        kind: 'CLAIM',
        categoryCode: 'LAND',
        subject: '反映承包地被占用',
        content: '承包地被占用未获补偿。',
        receivedAt: addDays(today, -1),
        headcount: 1,
        locationUnitId: units.get('石桥村')!.id,
        petitioner: { name: '覃大山', phone: '13800000001' },
      }),
    ).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: units.get('青山乡')!.id, mode: 'ASSIGN' }, { handlingUnitId: 'ID!', mode: 'AssignMode!' })).assignPetition;
    expect(p.status).toBe('IN_PROGRESS');
    return p as { id: string; version: number };
  }

  it(`lets one of ${PARALLEL} parallel answers to one petition at the same version win; the other ${PARALLEL - 1} get CONFLICT`, async () => {
    const p = await petitionInProgress();
    const texts = Array.from({ length: PARALLEL }, (_, i) => `经核实，已协调补偿（答复 ${i}）。`);
    const answers = await Promise.all(texts.map((text) => qingshan.act('answerPetition', p.id, p.version, { text })));
    const { won, codes } = tally(answers);
    expect(codes).toEqual(Array.from({ length: PARALLEL - 1 }, () => 'CONFLICT'));
    expect(won).toHaveLength(1);
    const winner = won[0]!.data!.answerPetition as { answerText: string; version: number };

    const stored = ok(await bureau.petition(p.id)).petition;
    expect(stored).toMatchObject({ status: 'ANSWERED', answerText: winner.answerText, version: winner.version });
    expect(stored.version).toBe(p.version + 1);
    expect(stored.timeline.filter((e: { type: string }) => e.type === 'ANSWERED')).toHaveLength(1);
    // In the tables themselves, not only as the API tells it.
    const conn = platform.orm.em.getConnection();
    const [events] = await conn.execute<Array<{ n: string | number }>>("select count(*) as n from petition_event where petition_id = ? and type = 'ANSWERED'", [p.id]);
    expect(Number(events!.n)).toBe(1);
    // The losers' texts are nowhere.
    const [stray] = await conn.execute<Array<{ n: string | number }>>('select count(*) as n from petition where answer_text like ?', ['%（答复 %']);
    expect(Number(stray!.n)).toBe(1);

    // The next writer, from the winner's version, goes on as usual.
    expect(codeOf(await bureau.act('closePetition', p.id, stored.version))).toBeUndefined();
  });

  it(`lets one of ${PARALLEL} parallel writers of different actions at the same version win`, async () => {
    const p = await petitionInProgress();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        i % 2 === 0
          ? qingshan.act('answerPetition', p.id, p.version, { text: `答复 ${i}` })
          : qingshan.act('notifyPetitioner', p.id, p.version, { note: `告知 ${i}` }, { note: 'String' }),
      ),
    );
    const { won, codes } = tally(answers);
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: PARALLEL - 1 }, () => 'CONFLICT'));
    const stored = ok(await bureau.petition(p.id)).petition;
    expect(stored.version).toBe(p.version + 1);
    expect(stored.timeline.filter((e: { type: string }) => ['ANSWERED', 'NOTIFIED'].includes(e.type))).toHaveLength(1);
  });

  describe('a screening report', () => {
    const submitFor = async (periodStart: string, parallel: number) => {
      const unitId = units.get('石桥村')!.id;
      return Promise.all(
        Array.from({ length: parallel }, (_, i) =>
          i % 2 === 0
            ? shiqiao.submit({ unitId, periodStart, isZeroReport: true })
            : shiqiao.submit({ unitId, periodStart, isZeroReport: false, disputes: [disputeInput(`石桥村纠纷（报送 ${i}）`)] }),
        ),
      );
    };

    const storedReports = async (periodStart: string) => {
      const conn = platform.orm.em.getConnection();
      const unitId = units.get('石桥村')!.id;
      const reports = await conn.execute<Array<{ id: string }>>('select id from screening_report where unit_id = ? and period_start = ?', [unitId, periodStart]);
      const [disputes] = await conn.execute<Array<{ n: string | number }>>("select count(*) as n from dispute where unit_id = ? and summary like '石桥村纠纷（报送 %'", [unitId]);
      return { reports: reports.map((r) => r.id), disputes: Number(disputes!.n) };
    };

    for (const parallel of [2, PARALLEL]) {
      it(`submitted ${parallel} times at once for one period is stored once; the others get CONFLICT`, async () => {
        await clearScreening(platform, [units.get('石桥村')!.id]);
        const periods = await recentPeriods(shiqiao, units.get('石桥村')!.id, 60);
        // The current period, and for the second run the one before it.
        const period = parallel === 2 ? periods.at(-1)! : periods.at(-2)!;
        expect(period.report).toBeNull();

        const answers = await submitFor(period.periodStart, parallel);
        const { won, codes } = tally(answers);
        expect(codes).toEqual(Array.from({ length: parallel - 1 }, () => 'CONFLICT'));
        expect(won).toHaveLength(1);
        const winner = won[0]!.data!.submitScreeningReport as { id: string; isZeroReport: boolean; disputeCount: number; history: Array<{ type: string }> };
        expect(winner.history.map((h) => h.type)).toEqual(['SUBMITTED']);

        const stored = await storedReports(period.periodStart);
        expect(stored.reports).toEqual([winner.id]);
        expect(stored.disputes).toBe(winner.isZeroReport ? 0 : 1);
        const read = ok(await shiqiao.report(winner.id)).screeningReport;
        expect(read).toMatchObject({ id: winner.id, isZeroReport: winner.isZeroReport, disputeCount: winner.disputeCount });
        expect(read.history.map((h: { type: string }) => h.type)).toEqual(['SUBMITTED']);
        const period2 = (await recentPeriods(shiqiao, units.get('石桥村')!.id, 60)).find((x) => x.periodStart === period.periodStart)!;
        expect(period2.report?.id).toBe(winner.id);
      });
    }
  });
});
