import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

// The assessment over HTTP on the demo county (issue 11): last year is published, this year is a
// draft. Every account asks for every assessed unit's result of both years; what it gets must be
// exactly what §8 says it may see — and NOT_FOUND, the answer of a missing result, otherwise.

const THIS_YEAR = Number(shanghaiDate().slice(0, 4));
const PUBLISHED = THIS_YEAR - 1;
const ACCOUNTS = ['secretary', 'magistrate', 'bureau', 'supervisor', 'discipline', 'land', 'hrss', 'chengguan', 'qingshan', 'dongjie', 'shiqiao', 'admin'] as const;
const WHOLE_TABLE = new Set(['secretary', 'magistrate', 'bureau', 'supervisor']);
const DRAFT_READERS = new Set(['secretary', 'magistrate', 'bureau']);

interface UnitRow {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

describe.each(DATABASE_MODES)('the assessment on %s', (mode) => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  let units: UnitRow[] = [];
  const own = new Map<string, string>();
  const must = async (u: string, query: string, variables: Record<string, unknown> = {}) => {
    const a = await gql(platform.url, query, variables, tokens[u]);
    expect(a.errors, a.text).toBeUndefined();
    return a.data!;
  };

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    for (const u of ACCOUNTS) tokens[u] = await signIn(platform.url, u);
    units = (await must('bureau', '{ units { id name kind parentId } }')).units as UnitRow[];
    for (const u of ACCOUNTS) own.set(u, ((await must(u, '{ me { unit { id } } }')).me as { unit: { id: string } }).unit.id);
  });
  afterAll(async () => platform?.stop());

  const assessed = () => units.filter((u) => ['TOWNSHIP', 'DEPARTMENT', 'VILLAGE'].includes(u.kind));

  it('publishes last year with a confirmed veto ranked last, a revoked one, an answered objection and commendations; this year is a draft', async () => {
    const year = (await must('secretary', 'query($y: Int!) { assessmentYear(year: $y) { stage publishedAt reviewEndsOn } }', { y: PUBLISHED })).assessmentYear as { stage: string };
    expect(year.stage).toBe('PUBLISHED');
    expect(((await must('secretary', 'query($y: Int!) { assessmentYear(year: $y) { stage } }', { y: THIS_YEAR })).assessmentYear as { stage: string }).stage).toBe('DRAFT');
    const vetoes = (await must('secretary', 'query($y: Int!) { assessmentVetoes(year: $y) { status trigger evidence { kind label } history { step } unit { id name } } }', { y: PUBLISHED })).assessmentVetoes as Array<{ status: string; trigger: string; evidence: unknown[]; history: Array<{ step: string }>; unit: { id: string } }>;
    expect(vetoes.filter((v) => v.status === 'CONFIRMED')).toHaveLength(1);
    expect(vetoes.filter((v) => v.status === 'REVOKED').length).toBeGreaterThanOrEqual(1);
    for (const v of vetoes.filter((x) => x.trigger !== 'BUREAU')) expect(v.evidence.length, v.trigger).toBeGreaterThan(0);
    const confirmed = vetoes.find((v) => v.status === 'CONFIRMED')!;
    expect(confirmed.history.map((h) => h.step)).toEqual(['PROPOSED', 'CONFIRMED']);
    const kind = units.find((u) => u.id === confirmed.unit.id)!.kind;
    const table = (await must('secretary', 'query($y: Int!, $k: UnitKind!) { assessmentResults(year: $y, unitKind: $k) { rank peerCount total voided vetoStatus unit { id } } }', { y: PUBLISHED, k: kind })).assessmentResults as Array<{ rank: number; peerCount: number; voided: boolean; unit: { id: string } }>;
    const vetoed = table.find((r) => r.unit.id === confirmed.unit.id)!;
    expect([vetoed.voided, vetoed.rank]).toEqual([true, table.length]);
    const objections = (await must('bureau', 'query($y: Int!) { assessmentObjections(year: $y) { status answer } }', { y: PUBLISHED })).assessmentObjections as Array<{ status: string; answer: string }>;
    expect(objections.map((o) => o.status)).toEqual(['REJECTED']);
    expect(((await must('qingshan', 'query($y: Int!) { commendations(year: $y) { title } }', { y: PUBLISHED })).commendations as unknown[]).length).toBe(2);
  });

  it('gives every account exactly the results it may see, of every unit, published and draft', async () => {
    const problems: string[] = [];
    for (const account of ACCOUNTS) {
      const mine = own.get(account)!;
      for (const unit of assessed()) {
        for (const year of [PUBLISHED, THIS_YEAR]) {
          const published = year === PUBLISHED;
          const villageOfMine = unit.kind === 'VILLAGE' && unit.parentId === mine;
          const may = published ? WHOLE_TABLE.has(account) || unit.id === mine || villageOfMine : DRAFT_READERS.has(account);
          const a = await gql(platform.url, 'query($u: ID!, $y: Int!) { assessmentResult(unitId: $u, year: $y) { total unit { id } } }', { u: unit.id, y: year }, tokens[account]);
          const got = a.errors ? codeOf(a) : 'ALLOW';
          if (got !== (may ? 'ALLOW' : 'NOT_FOUND')) problems.push(`${account} ${unit.name} ${year}: ${got}`);
        }
      }
      // The table of a kind lists the same units.
      for (const kind of ['TOWNSHIP', 'VILLAGE']) {
        const listed = ((await must(account, 'query($y: Int!, $k: UnitKind!) { assessmentResults(year: $y, unitKind: $k) { unit { id } } }', { y: PUBLISHED, k: kind })).assessmentResults as Array<{ unit: { id: string } }>).map((r) => r.unit.id).sort();
        const expected = assessed().filter((u) => u.kind === kind && (WHOLE_TABLE.has(account) || u.id === mine || (u.kind === 'VILLAGE' && u.parentId === mine))).map((u) => u.id).sort();
        if (JSON.stringify(listed) !== JSON.stringify(expected)) problems.push(`${account} lists ${kind}: ${listed.length}, expected ${expected.length}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('shows a unit its scorecard: points per indicator with their parts, the peers’ average, its veto status; and exports the table', async () => {
    const q = own.get('qingshan')!;
    const card = (await must('qingshan', 'query($u: ID!, $y: Int!) { assessmentResult(unitId: $u, year: $y) { total subtotal deducted rank peerCount vetoStatus indicators { figure weight numerator denominator points peerAverage } deductions { kind count points evidence { label } } objections { status } } }', { u: q, y: PUBLISHED })).assessmentResult as {
      total: number; subtotal: number; deducted: number; indicators: Array<{ weight: number; points: number; peerAverage: number | null; numerator: number; denominator: number }>; objections: Array<{ status: string }>;
    };
    expect(card.indicators.reduce((a, i) => a + i.weight, 0)).toBe(100);
    expect(card.subtotal).toBeCloseTo(card.indicators.reduce((a, i) => a + i.points, 0), 5);
    expect(card.total).toBeCloseTo(Math.max(0, card.subtotal - card.deducted), 5);
    for (const i of card.indicators) expect(i.peerAverage).not.toBeNull();
    expect(card.objections.map((o) => o.status)).toEqual(['REJECTED']);
    // The draft shows no average, and units cannot compute, decide or publish.
    expect(codeOf(await gql(platform.url, 'mutation { computeAssessment(year: 2020) { year } }', {}, tokens.qingshan))).toBe('FORBIDDEN');
    expect(codeOf(await gql(platform.url, `mutation { publishAssessment(year: ${PUBLISHED}) { year } }`, {}, tokens.bureau))).toBe('FORBIDDEN');
    const file = (await must('secretary', 'query($y: Int!) { exportAssessmentResults(year: $y, unitKind: TOWNSHIP) { filename rows base64 } }', { y: PUBLISHED })).exportAssessmentResults as { filename: string; rows: number; base64: string };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(file.filename).toContain('考核结果');
    expect(sheet.rowCount - 1).toBe(file.rows);
    expect(sheet.getRow(1).values).toContain('总分');
  });
});
