import { mount } from '@vue/test-utils';
import { defineAbilityFor, packAbilityRules, type AbilityUser } from '@xinfang/permissions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureRateFragment, SessionUserFragment } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import AnalysisReportPage from './AnalysisReportPage.vue';
import { FIGURE_NAMES, type FigureName } from './figures';
import { changePercent, lastFullPeriod, periodChoices, periodName, relativeChange, reportStateFromQuery, reportStateToQuery, reportYears, topRows } from './report';

vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="v-chart-stub"></div>' } }));

const COUNTY = '11111111-1111-4111-8111-111111111111';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const QINGSHAN = '22222222-2222-4222-8222-222222222222';
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key);

describe('the report’s period in the address bar', () => {
  it('defaults to the last full quarter, and keeps a picked kind and period (its first day)', () => {
    expect(reportStateFromQuery({}, '2026-12-07')).toEqual({ scope: '', period: 'QUARTER', start: '2026-07-01' });
    expect(reportStateFromQuery({ period: 'MONTH' }, '2026-12-07')).toEqual({ scope: '', period: 'MONTH', start: '2026-11-01' });
    expect(reportStateFromQuery({ period: 'YEAR' }, '2026-12-07').start).toBe('2025-01-01');
    expect(reportStateFromQuery({ scope: QINGSHAN, period: 'QUARTER', start: '2025-11-15' }, '2026-12-07')).toEqual({ scope: QINGSHAN, period: 'QUARTER', start: '2025-10-01' });
    // A period not yet begun, a bad kind: the defaults.
    expect(reportStateFromQuery({ period: 'WEEK', start: '2027-01-01' }, '2026-12-07')).toEqual({ scope: '', period: 'QUARTER', start: '2026-07-01' });
    expect(reportStateToQuery({ scope: '', period: 'MONTH', start: '2026-11-01' })).toEqual({ period: 'MONTH', start: '2026-11-01' });
    expect(lastFullPeriod('QUARTER', '2026-01-05')).toBe('2025-10-01');
  });

  it('offers every period begun, newest first, and the years 2000 to this one', () => {
    expect(periodChoices('QUARTER', '2026-12-07').slice(0, 3)).toEqual(['2026-10-01', '2026-07-01', '2026-04-01']);
    expect(periodChoices('YEAR', '2026-12-07').at(-1)).toBe('2000-01-01');
    expect(periodChoices('MONTH', '2026-12-07')[1]).toBe('2026-11-01');
    expect(reportYears('2026-12-07')[0]).toBe(2026);
    expect(reportYears('2026-12-07').at(-1)).toBe(2000);
    expect(periodName('QUARTER', '2025-10-01', t)).toBe('figures.report.quarterName {"year":2025,"quarter":4}');
  });

  it('computes the relative change, none from nothing or from zero', () => {
    expect(relativeChange(0.75, 0.5)).toBeCloseTo(0.5);
    expect(relativeChange(3, 4)).toBeCloseTo(-0.25);
    expect(relativeChange(null, 0.5)).toBeNull();
    expect(relativeChange(0.5, null)).toBeNull();
    expect(relativeChange(5, 0)).toBeNull();
    expect(changePercent(0.5)).toBe('+50.0%');
    expect(changePercent(-0.25)).toBe('−25.0%');
    expect(changePercent(null)).toBe('—');
    expect(topRows(Array.from({ length: 12 }, (_, i) => ({ count: i }))).map((r) => r.count)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });
});

const rate = (figure: FigureName, numerator: number, denominator: number): FigureRateFragment => ({
  figure,
  label: figure,
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
  definition: `${figure} 的定义`,
  definitionEn: `definition of ${figure}`,
});

function side(closed: [number, number], received: number, from: string, to: string) {
  return {
    from,
    to,
    ...Object.fromEntries(FIGURE_NAMES.map((f) => [f, f === 'closureRate' ? rate(f, ...closed) : rate(f, 0, 0)])),
    received,
    accepted: received,
    closed: closed[0],
    overdue: 0,
    harmoniouslyClosed: 0,
  };
}

function answer() {
  return {
    data: {
      analysisReport: {
        period: 'QUARTER',
        current: {
          ...side([3, 4], 6, '2026-07-01', '2026-09-30'),
          scopeUnit: { id: COUNTY, name: '示范县', kind: 'COUNTY' },
          byCategory: [{ key: 'LAND', label: '土地征收与使用', count: 5 }],
          byUnit: [{ key: 'x', label: '县自然资源局', count: 4 }],
        },
        previous: side([1, 2], 4, '2026-04-01', '2026-06-30'),
        yearBefore: side([0, 0], 0, '2025-07-01', '2025-09-30'),
      },
    },
  };
}

const user: AbilityUser = { id: 'u1', roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU', countyId: COUNTY, townshipId: null, villageId: null };
const UNITS = [
  { id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, depth: 0, sortOrder: 0 },
  { id: BUREAU, name: '县信访局', kind: 'BUREAU', parentId: COUNTY, depth: 1, sortOrder: 0 },
  { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP', parentId: COUNTY, depth: 1, sortOrder: 2 },
];

async function render(path: string, handlers: FakeHandlers = {}) {
  const ability = defineAbilityFor(user);
  const server = fakeServer({ FigureScopeUnits: () => ({ data: { units: UNITS } }), AnalysisReport: answer, ...handlers });
  const { plugins, router } = portalPlugins(ability, server);
  const sessionUser: SessionUserFragment = {
    id: user.id,
    username: 'bureau',
    displayName: '某人',
    roles: [...user.roles],
    unitId: BUREAU,
    unit: { id: BUREAU, name: '县信访局', kind: 'BUREAU', countyId: COUNTY, townshipId: null, villageId: null, path: [{ id: COUNTY, name: '示范县', kind: 'COUNTY' }] },
  };
  localStorage.setItem('xinfang.session', JSON.stringify({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', rules: packAbilityRules(ability), user: sessionUser }));
  await router.push(path);
  await router.isReady();
  mount(AnalysisReportPage, { global: { plugins }, attachTo: document.body });
  return { server, router };
}

describe('信访形势分析', { timeout: 20_000 }, () => {
  const downloads: string[] = [];
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
    downloads.length = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('compares each rate and count with the period before and a year before', async () => {
    const { server } = await render('/figures/report?period=QUARTER&start=2026-07-01');
    await vi.waitFor(() => expect(byTestId('report-rates')).not.toBeNull());
    expect(server.callsOf('AnalysisReport')[0]).toEqual({ scopeUnitId: COUNTY, period: 'QUARTER', start: '2026-07-01' });
    expect(textOf('report-rate-closureRate-label')).toBe('办结率');
    expect(textOf('report-rate-closureRate-current')).toBe('75.0%3 / 4');
    expect(textOf('report-rate-closureRate-previous')).toBe('50.0%1 / 2');
    expect(textOf('report-rate-closureRate-mom')).toBe('+50.0%');
    expect(textOf('report-rate-closureRate-yearBefore')).toContain('无数据');
    expect(textOf('report-rate-closureRate-yoy')).toBe('—');
    expect(textOf('report-count-received-current')).toBe('6');
    expect(textOf('report-count-received-mom')).toBe('+50.0%');
    expect(textOf('report-count-received-yoy')).toBe('—');
    expect(textOf('report-scope-name')).toBe('示范县');
    expect(textOf('report-period')).toContain('2026年第3季度');
    expect(byTestId('figures-chart-byCategory')).not.toBeNull();
    expect(byTestId('figures-chart-byUnit')).not.toBeNull();
  });

  it('keeps a picked kind in the address bar, at its last full period', async () => {
    const { router } = await render('/figures/report');
    await vi.waitFor(() => expect(byTestId('report-rates')).not.toBeNull());
    await click(mustFind('[data-testid="report-kind-YEAR"] input'));
    await vi.waitFor(() => expect(router.currentRoute.value.query.period).toBe('YEAR'));
    expect(router.currentRoute.value.query).toEqual({ period: 'YEAR' });
    await vi.waitFor(() => expect(textOf('report-start')).toContain(String(new Date().getFullYear() - 1)));
  });

  it('downloads the Excel workbook of the report', async () => {
    const { server } = await render('/figures/report?period=QUARTER&start=2026-07-01', {
      ExportAnalysisReport: () => ({ data: { exportAnalysisReport: { filename: '信访形势分析-示范县-2026Q3.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: 20, base64: btoa('PK') } } }),
    });
    await vi.waitFor(() => expect(byTestId('report-rates')).not.toBeNull());
    await click('report-export');
    await vi.waitFor(() => expect(downloads).toEqual(['信访形势分析-示范县-2026Q3.xlsx']));
    expect(server.callsOf('ExportAnalysisReport')).toEqual([{ scopeUnitId: COUNTY, period: 'QUARTER', start: '2026-07-01' }]);
  });

  it('drafts the yearly report of last year, and says so in Chinese when it fails', async () => {
    let fail = false;
    const { server } = await render('/figures/report', {
      ExportYearlyReport: () =>
        fail
          ? { error: { code: 'BAD_USER_INPUT' } }
          : { data: { exportYearlyReport: { filename: '示范县信访工作年度报告.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: btoa('PK') } } },
    });
    await vi.waitFor(() => expect(byTestId('report-rates')).not.toBeNull());
    await click('figures-yearly');
    await vi.waitFor(() => expect(byTestId('yearly-generate')).not.toBeNull());
    await click('yearly-generate');
    await vi.waitFor(() => expect(downloads).toEqual(['示范县信访工作年度报告.docx']));
    expect(server.callsOf('ExportYearlyReport')[0]).toEqual({ scopeUnitId: COUNTY, year: new Date().getFullYear() - 1 });
    fail = true;
    await click('figures-yearly');
    await click('yearly-generate');
    await vi.waitFor(() => expect(byTestId('yearly-error')).not.toBeNull());
    expect(textOf('yearly-error')).toContain('年度报告生成失败');
  });

  it('says so when the server refuses the scope', async () => {
    await render(`/figures/report?scope=${QINGSHAN}`, { AnalysisReport: () => ({ error: { code: 'NOT_FOUND' } }) });
    await vi.waitFor(() => expect(byTestId('report-error')).not.toBeNull());
  });
});
