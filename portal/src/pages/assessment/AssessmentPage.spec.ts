import { mount } from '@vue/test-utils';
import { defineAbilityFor, type AbilityUser } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHENGGUAN, COUNTY, HEXI, QINGSHAN, objection, resultRow, scorecard, signIn, users, veto, yearInfo } from '@/testing/assessment-fixtures';
import { byTestId, click, formItemOf, mustFind, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import { currentYear, indicatorOption, indicatorRecordsLink, seesWholeTable, stageText, tableStateFromQuery, tableStateToQuery } from './assessment';
import AssessmentPage from './AssessmentPage.vue';

// ECharts draws on a canvas happy-dom does not have: the chart is a plain element here.
vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="v-chart-stub"></div>' } }));

const LAST = currentYear() - 1;
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key);

describe('the assessment table’s year and unit kind in the address bar', () => {
  it('defaults to last year’s townships, keeps a picked year and kind, and drops anything else', () => {
    expect(tableStateFromQuery({}, '2026-12-08')).toEqual({ year: 2025, kind: 'TOWNSHIP' });
    expect(tableStateFromQuery({ year: '2026', kind: 'VILLAGE' }, '2026-12-08')).toEqual({ year: 2026, kind: 'VILLAGE' });
    // A year the picker does not offer, a kind that is not assessed: the defaults.
    expect(tableStateFromQuery({ year: '1999', kind: 'COUNTY' }, '2026-12-08')).toEqual({ year: 2025, kind: 'TOWNSHIP' });
    expect(tableStateToQuery({ year: 2025, kind: 'TOWNSHIP' }, '2026-12-08')).toEqual({});
    expect(tableStateToQuery({ year: 2026, kind: 'DEPARTMENT' }, '2026-12-08')).toEqual({ year: '2026', kind: 'DEPARTMENT' });
  });

  it('words the stage: not computed, draft, under review until its last day, published', () => {
    expect(stageText(null, t)).toBe('assessment.stage.none');
    expect(stageText({ ...yearInfo(2026, 'DRAFT'), computedAt: null }, t)).toBe('assessment.stage.none');
    expect(stageText(yearInfo(2026, 'DRAFT'), t)).toBe('assessment.stage.DRAFT');
    expect(stageText(yearInfo(2025, 'REVIEW', '2026-01-19'), t)).toBe('assessment.stage.reviewUntil {"day":"2026-01-19"}');
    expect(stageText(yearInfo(2025, 'PUBLISHED'), t)).toBe('assessment.stage.PUBLISHED');
  });

  it('links an indicator’s parts to 数据分析’s records of the unit over the whole year', () => {
    expect(indicatorRecordsLink('onTimeRate', 'DENOMINATOR', QINGSHAN, 2025)).toEqual({
      name: 'figure-records',
      query: { figure: 'onTimeRate', part: 'DENOMINATOR', scope: QINGSHAN, from: '2025-01-01', to: '2025-12-31' },
    });
  });

  it('gives the whole table to the county leaders, the bureau and the supervision group, and not to a township or a village', () => {
    expect(seesWholeTable(defineAbilityFor(users.leader()), COUNTY)).toBe(true);
    expect(seesWholeTable(defineAbilityFor(users.bureau()), COUNTY)).toBe(true);
    expect(seesWholeTable(defineAbilityFor(users.supervisor()), COUNTY)).toBe(true);
    expect(seesWholeTable(defineAbilityFor(users.qingshan()), COUNTY)).toBe(false);
    expect(seesWholeTable(defineAbilityFor(users.shiqiao()), COUNTY)).toBe(false);
    expect(seesWholeTable(defineAbilityFor(users.leader()), null)).toBe(false);
  });

  it('draws each indicator as its points and the rest of its weight, the peers’ average only when known', () => {
    const labels = { points: '得分', weight: '分值', peerAverage: '同类平均' };
    const known = indicatorOption([{ name: '按期答复率', weight: 25, points: 20.71, peerAverage: 19.86 }], labels);
    expect(known.series).toHaveLength(3);
    expect((known.series[1] as { data: number[] }).data).toEqual([4.29]);
    const unknown = indicatorOption([{ name: '按期答复率', weight: 25, points: 20.71, peerAverage: null }], labels);
    expect(unknown.series).toHaveLength(2);
    expect(unknown.legend.data).toEqual(['得分', '分值']);
  });
});

const RESULTS = [resultRow(CHENGGUAN, LAST, 1, 76.78), resultRow(HEXI, LAST, 2, 74.54, 'PROPOSED'), resultRow(QINGSHAN, LAST, 3, 75.6, 'CONFIRMED')];
const HANDLERS: FakeHandlers = {
  AssessmentYear: (v) => ({ data: { assessmentYear: yearInfo(Number(v.year), 'PUBLISHED') } }),
  AssessmentResults: () => ({ data: { assessmentResults: RESULTS, assessmentSchemes: [] } }),
  AssessmentVetoes: () => ({ data: { assessmentVetoes: [veto()] } }),
  AssessmentObjections: () => ({ data: { assessmentObjections: [objection()], assessmentSchemes: [] } }),
  AssessmentCommendations: (v) => ({
    data: {
      commendations: [
        { id: 'c1', title: `${String(v.year)}年度信访工作先进集体`, citation: '信访事项按期办结、矛盾纠纷排查化解成效明显', awardedOn: `${Number(v.year) + 1}-02-06`, unit: { id: CHENGGUAN, name: '城关镇', kind: 'TOWNSHIP' } },
      ],
    },
  }),
};

async function render(u: AbilityUser, path = '/assessment', handlers: FakeHandlers = {}) {
  const ability = signIn(u);
  const server = fakeServer({ ...HANDLERS, ...handlers });
  const { plugins, router } = portalPlugins(ability, server);
  await router.push(path);
  await router.isReady();
  mount(AssessmentPage, { global: { plugins }, attachTo: document.body });
  return { server, router };
}

const rows = () => [...document.querySelectorAll('[data-testid="assessment-table"] .el-table__body tr')];

describe('考核评价', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows a county leader last year’s published townships by rank, each indicator’s points under its name and weight, and the veto badges', async () => {
    const { server } = await render(users.leader());
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    expect(server.callsOf('AssessmentResults')[0]).toEqual({ year: LAST, unitKind: 'TOWNSHIP' });
    expect(server.callsOf('AssessmentVetoes')[0]).toEqual({ year: LAST });
    expect(textOf('assessment-stage').trim()).toBe('已发布');
    expect(textOf('result-column-onTimeRate')).toContain('按期答复率');
    expect(textOf('result-column-onTimeRate')).toContain('25分');
    const third = rows()[2]!;
    expect(third.textContent).toContain('青山乡');
    expect(third.textContent).toContain('20.71');
    expect(third.textContent).toContain('75.60');
    expect(third.querySelector('[data-testid="veto-badge-CONFIRMED"]')?.textContent?.trim()).toBe('一票否决');
    expect(rows()[1]!.querySelector('[data-testid="veto-badge-PROPOSED"]')?.textContent?.trim()).toBe('拟否决');
    expect(mustFind<HTMLAnchorElement>('[data-testid="result-unit"]').getAttribute('href')).toBe(`/assessment/unit/${CHENGGUAN}?year=${LAST}`);
    // A published year: nothing to open or publish; the bureau's buttons are not the leader's.
    expect(byTestId('assessment-open-review')).toBeNull();
    expect(byTestId('assessment-publish')).toBeNull();
    expect(byTestId('assessment-compute')).toBeNull();
    expect(byTestId('assessment-export')).not.toBeNull();
    // The vetoes and the objections of the year.
    await vi.waitFor(() => expect(textOf('veto-trigger')).toBe('辖区发生越级集体访'));
    expect(textOf('veto-evidence')).toBe('SFX-2025-00028');
    expect(textOf('assessment-vetoes')).toContain('经县委常委会研究，证据确凿，予以一票否决');
    await vi.waitFor(() => expect(textOf('objection-status').trim()).toBe('已维持'));
    expect(byTestId('objection-answer-button')).toBeNull();
    // A published year's commendations.
    await vi.waitFor(() => expect(textOf('commendation-title')).toBe(`${LAST}年度信访工作先进集体`));
    expect(textOf('commendation-unit')).toBe('城关镇');
  });

  it('opens a unit’s scorecard from its row', async () => {
    const { router } = await render(users.leader());
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    await click(rows()[2]!.querySelector('td') as HTMLElement);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/assessment/unit/${QINGSHAN}?year=${LAST}`));
  });

  it('asks for another kind and year from the tabs and the address', async () => {
    const { server } = await render(users.leader(), `/assessment?year=${LAST - 1}&kind=DEPARTMENT`);
    await vi.waitFor(() => expect(server.callsOf('AssessmentResults')[0]).toEqual({ year: LAST - 1, unitKind: 'DEPARTMENT' }));
    const tabs = [...document.querySelectorAll('[data-testid="assessment-kinds"] [role="tab"]')];
    expect(tabs.map((x) => x.textContent?.trim())).toEqual(['镇乡', '部门', '村(居)']);
  });

  it('lets a county leader open the review of a computed draft after confirming, and decide a proposed veto with a required reason', async () => {
    const { server } = await render(users.leader(), `/assessment?year=${LAST + 1}`, {
      AssessmentYear: (v) => ({ data: { assessmentYear: yearInfo(Number(v.year), 'DRAFT') } }),
      AssessmentVetoes: () => ({ data: { assessmentVetoes: [veto({ status: 'PROPOSED', stage: 'DRAFT', decidedAt: null, decidedByName: null, decisionReason: null, history: veto().history.slice(0, 1) })] } }),
      OpenAssessmentReview: (v) => ({ data: { openAssessmentReview: { ...yearInfo(Number(v.year), 'REVIEW', `${LAST + 2}-01-19`) } } }),
      DecideVeto: () => ({ data: { decideVeto: veto({ status: 'REVOKED' }) } }),
    });
    await vi.waitFor(() => expect(byTestId('assessment-open-review')).not.toBeNull());
    expect(byTestId('assessment-publish')).toBeNull();
    // A draft has no commendations yet: the section is not there.
    expect(byTestId('assessment-commendations')).toBeNull();
    await click('assessment-open-review');
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
    expect(document.querySelector('.el-message-box')?.textContent).toContain(`确定开始${LAST + 1}年度考核结果公示`);
    await click(mustFind('.el-message-box__btns .el-button--primary'));
    await vi.waitFor(() => expect(server.callsOf('OpenAssessmentReview')).toEqual([{ year: LAST + 1 }]));

    await vi.waitFor(() => expect(byTestId('veto-revoke')).not.toBeNull());
    await click('veto-revoke');
    await vi.waitFor(() => expect(byTestId('decide-veto-dialog')).not.toBeNull());
    await click('decide-veto-submit');
    await vi.waitFor(() => expect(formItemOf('decide-veto-reason')).toContain('请填写决定理由'));
    expect(server.callsOf('DecideVeto')).toEqual([]);
    await typeInto('decide-veto-reason', '该事项已及时化解');
    await click('decide-veto-submit');
    await vi.waitFor(() => expect(server.callsOf('DecideVeto')).toEqual([{ vetoId: 'v1', decision: 'REVOKE', reason: '该事项已及时化解' }]));
  });

  it('says in Chinese why a year cannot be published yet', async () => {
    await render(users.leader(), `/assessment?year=${LAST + 1}`, {
      AssessmentYear: (v) => ({ data: { assessmentYear: yearInfo(Number(v.year), 'REVIEW', `${LAST + 2}-01-19`) } }),
      PublishAssessment: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'OBJECTIONS_OPEN', count: 2 } }),
    });
    await vi.waitFor(() => expect(byTestId('assessment-publish')).not.toBeNull());
    expect(textOf('assessment-stage').trim()).toBe(`公示中（至${LAST + 2}-01-19）`);
    await click('assessment-publish');
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
    await click(mustFind('.el-message-box__btns .el-button--primary'));
    await vi.waitFor(() => expect(document.body.textContent).toContain('还有 2 项异议待答复，答复后才能发布'));
  });

  it('lets the bureau compute the year again, with its progress, and propose a veto', async () => {
    const { server } = await render(users.bureau(), `/assessment?year=${LAST + 1}`, {
      AssessmentYear: (v) => ({ data: { assessmentYear: yearInfo(Number(v.year), 'DRAFT') } }),
      ComputeAssessment: (v) => ({ data: { computeAssessment: yearInfo(Number(v.year), 'DRAFT') } }),
      AssessmentUnits: () => ({ data: { units: [{ id: HEXI, name: '河西镇', kind: 'TOWNSHIP', parentId: COUNTY, sortOrder: 2 }, { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP', parentId: COUNTY, sortOrder: 1 }] } }),
      ProposeVeto: () => ({ data: { proposeVeto: veto({ status: 'PROPOSED', unit: { id: HEXI, name: '河西镇', kind: 'TOWNSHIP' } }) } }),
    });
    await vi.waitFor(() => expect(textOf('assessment-compute').trim()).toBe('重新计算'));
    expect(byTestId('assessment-open-review')).toBeNull();
    await click('assessment-compute');
    await vi.waitFor(() => expect(server.callsOf('ComputeAssessment')).toEqual([{ year: LAST + 1 }]));
    await vi.waitFor(() => expect(document.body.textContent).toContain(`${LAST + 1}年度考核结果已计算`));

    await click('assessment-propose-veto');
    await vi.waitFor(() => expect(byTestId('propose-veto-dialog')).not.toBeNull());
    await click('propose-veto-submit');
    await vi.waitFor(() => expect(formItemOf('propose-veto-unit')).toContain('请选择单位'));
    await vi.waitFor(() => expect(formItemOf('propose-veto-reason')).toContain('请填写理由'));
    expect(server.callsOf('ProposeVeto')).toEqual([]);
  });

  it('lets the bureau answer an open objection: upholding one to an indicator needs its correction', async () => {
    const { server } = await render(users.bureau(), `/assessment?year=${LAST + 1}`, {
      AssessmentYear: (v) => ({ data: { assessmentYear: yearInfo(Number(v.year), 'REVIEW', `${LAST + 2}-01-19`) } }),
      AssessmentObjections: () => ({
        data: {
          assessmentObjections: [objection({ status: 'OPEN', answer: null, answeredAt: null, answeredByName: null, version: 3 })],
          assessmentSchemes: [{ unitKind: 'TOWNSHIP', indicators: [{ figure: 'onTimeRate', name: '按期答复率' }] }],
        },
      }),
      AnswerAssessmentObjection: () => ({ data: { answerAssessmentObjection: objection({ status: 'UPHELD', correction: 1.5 }) } }),
    });
    await vi.waitFor(() => expect(byTestId('objection-answer-button')).not.toBeNull());
    expect(textOf('objection-target-name')).toBe('按期答复率');
    await click('objection-answer-button');
    await vi.waitFor(() => expect(byTestId('answer-objection-dialog')).not.toBeNull());
    expect(textOf('answer-objection-subject')).toContain('青山乡对“按期答复率”的异议');
    await click(mustFind('[data-testid="answer-objection-uphold"] input'));
    await typeInto('answer-objection-answer', '经核查，延期材料齐全，予以采纳');
    await click('answer-objection-submit');
    await vi.waitFor(() => expect(formItemOf('answer-objection-correction')).toContain('请填写不为 0 的修正分值'));
    expect(server.callsOf('AnswerAssessmentObjection')).toEqual([]);
    const input = mustFind<HTMLInputElement>('[data-testid="answer-objection-correction"] input');
    input.value = '1.5';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await click('answer-objection-submit');
    await vi.waitFor(() =>
      expect(server.callsOf('AnswerAssessmentObjection')).toEqual([{ objectionId: 'o1', input: { decision: 'UPHOLD', answer: '经核查，延期材料齐全，予以采纳', version: 3, correction: 1.5 } }]),
    );
  });

  it('shows a township its own scorecard of the newest year it may read, without asking for the table', async () => {
    const { server } = await render(users.qingshan(), '/assessment', {
      AssessmentResult: (v) => (Number(v.year) === LAST ? { data: { assessmentResult: scorecard({ year: LAST }) } } : { error: { code: 'NOT_FOUND' } }),
    });
    await vi.waitFor(() => expect(byTestId('scorecard')).not.toBeNull());
    expect(server.callsOf('AssessmentResult').slice(0, 2)).toEqual([
      { unitId: QINGSHAN, year: LAST + 1 },
      { unitId: QINGSHAN, year: LAST },
    ]);
    expect(server.callsOf('AssessmentResults')).toEqual([]);
    expect(textOf('scorecard-title')).toBe(`青山乡 ${LAST}年度考核结果`);
    expect(textOf('scorecard-veto-status')).toContain('已被一票否决');
  });

  it('tells a unit whose results are not yet released so, with no error', async () => {
    const { server } = await render(users.shiqiao(), '/assessment', { AssessmentResult: () => ({ error: { code: 'NOT_FOUND' } }) });
    await vi.waitFor(() => expect(byTestId('assessment-not-released')).not.toBeNull());
    expect(server.callsOf('AssessmentResult')).toHaveLength(5);
    expect(textOf('assessment-not-released')).toContain('考核结果尚未向本单位公布');
    expect(byTestId('own-assessment-error')).toBeNull();
  });
});
