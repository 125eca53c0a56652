import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupervisionOrderDetailFragment } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import SupervisionOrderPage from './SupervisionOrderPage.vue';

const ID = '00000000-0000-4000-8000-000000000001';
const order = (over: Partial<SupervisionOrderDetailFragment> = {}): SupervisionOrderDetailFragment => ({
  id: ID,
  number: '督〔2026〕1号',
  version: 3,
  status: 'ISSUED',
  targetKind: 'PETITION',
  warning: 'YELLOW',
  requirement: '一个月内核实补偿标准，向信访人反馈',
  report: null,
  dueOn: '2026-12-10',
  issuedOn: '2026-11-20',
  reportedOn: null,
  closedOn: null,
  reopenCount: 0,
  metOnTime: null,
  screeningReportId: null,
  canReport: false,
  canClose: false,
  unit: { id: 'land', name: '县自然资源局', kind: 'DEPARTMENT' },
  petition: { id: 'p1', number: 'SFX-2024-00042', subject: '宅基地确权纠纷' },
  conferenceTask: null,
  history: [{ id: 'h1', step: 'ISSUED', at: '2026-11-20T02:00:00.000Z', actorName: '县信访督查组', note: null, dueOn: '2026-12-10' }],
  ...over,
});

async function renderPage(handlers: FakeHandlers) {
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(createAbility([{ action: 'read', subject: 'SupervisionOrder' }]), server);
  await router.push(`/supervision/${ID}`);
  await router.isReady();
  mount(SupervisionOrderPage, { global: { plugins }, attachTo: document.body });
  await vi.waitFor(() => expect(byTestId('order-title') ?? byTestId('order-not-found')).not.toBeNull());
  return { server };
}
const fill = (testid: string, value: string) => {
  const field = mustFind<HTMLTextAreaElement>(`[data-testid="${testid}"] textarea, textarea[data-testid="${testid}"]`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('a supervision order’s page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the requirement, the unit, the petition, the days and the history, and no action the server does not offer', async () => {
    await renderPage({ SupervisionOrder: () => ({ data: { supervisionOrder: order() } }) });
    expect(textOf('order-title')).toBe('督〔2026〕1号');
    expect(textOf('order-status').trim()).toBe('待反馈');
    expect(textOf('warning-YELLOW').trim()).toBe('黄色预警');
    expect(textOf('order-unit')).toBe('县自然资源局');
    expect(mustFind('[data-testid="order-petition"]').getAttribute('href')).toBe('/petitions/p1');
    expect(textOf('order-requirement')).toBe('一个月内核实补偿标准，向信访人反馈');
    expect(textOf('order-report-text')).toContain('责任单位尚未反馈');
    expect(textOf('order-step-ISSUED')).toContain('下发督办');
    expect(textOf('order-step-ISSUED')).toContain('反馈期限 2026-12-10');
    expect(byTestId('order-report')).toBeNull();
    expect(byTestId('order-close')).toBeNull();
  });

  it('lets the named unit report back with the version it read, and reloads', async () => {
    const { server } = await renderPage({
      SupervisionOrder: () => ({ data: { supervisionOrder: order({ canReport: true }) } }),
      ReportOnSupervisionOrder: () => ({ data: { reportOnSupervisionOrder: order({ status: 'REPORTED', version: 4, report: '已核实', reportedOn: '2026-12-01' }) } }),
    });
    await click('order-report');
    await vi.waitFor(() => expect(byTestId('report-form')).not.toBeNull());
    await click('report-submit');
    await vi.waitFor(() => expect(textOf('report-dialog')).toContain('请填写办理情况'));
    fill('report-text', ' 已约谈信访人，补偿款已发放到位 ');
    await click('report-submit');
    await vi.waitFor(() => expect(server.callsOf('ReportOnSupervisionOrder')).toEqual([{ id: ID, version: 3, input: { report: '已约谈信访人，补偿款已发放到位' } }]));
    await vi.waitFor(() => expect(server.callsOf('SupervisionOrder')).toHaveLength(2));
  });

  it('reloads when the report is refused as stale', async () => {
    const { server } = await renderPage({
      SupervisionOrder: () => ({ data: { supervisionOrder: order({ canReport: true }) } }),
      ReportOnSupervisionOrder: () => ({ error: { code: 'CONFLICT' } }),
    });
    await click('order-report');
    await vi.waitFor(() => expect(byTestId('report-form')).not.toBeNull());
    fill('report-text', '已核实');
    await click('report-submit');
    await vi.waitFor(() => expect(server.callsOf('SupervisionOrder')).toHaveLength(2));
    await vi.waitFor(() => expect(textOf()).toContain('数据已被他人修改'));
  });

  it('lets the supervision group send a report back only with a reason and a new due day', async () => {
    const reported = order({
      status: 'REPORTED',
      warning: 'NONE',
      canClose: true,
      report: '已核实',
      reportedOn: '2026-12-01',
      history: [...order().history, { id: 'h2', step: 'REPORTED', at: '2026-12-01T02:00:00.000Z', actorName: '县自然资源局', note: '已核实', dueOn: null }],
    });
    const { server } = await renderPage({
      SupervisionOrder: () => ({ data: { supervisionOrder: reported } }),
      CloseSupervisionOrder: () => ({ data: { closeSupervisionOrder: { ...reported, status: 'REOPENED' } } }),
    });
    expect(textOf('order-report-text')).toBe('已核实');
    expect(textOf('order-step-REPORTED')).toContain('已核实');
    await click('order-close');
    await vi.waitFor(() => expect(byTestId('close-order-form')).not.toBeNull());
    await click(mustFind('[data-testid="close-order-reopen"] input'));
    await vi.waitFor(() => expect(textOf('close-order-form')).toContain('新的反馈期限'));
    await click('close-order-submit');
    await vi.waitFor(() => expect(textOf('close-order-dialog')).toContain('退回重办须写明理由'));
    expect(server.callsOf('CloseSupervisionOrder')).toEqual([]);
    fill('close-order-reason', '补偿标准未说明依据');
    await click('close-order-submit');
    await vi.waitFor(() => expect(server.callsOf('CloseSupervisionOrder')).toHaveLength(1));
    expect(server.callsOf('CloseSupervisionOrder')[0]).toMatchObject({ id: ID, version: 3, decision: 'REOPEN', reason: '补偿标准未说明依据' });
    expect((server.callsOf('CloseSupervisionOrder')[0] as { dueOn: string }).dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('accepts a report without a reason', async () => {
    const { server } = await renderPage({
      SupervisionOrder: () => ({ data: { supervisionOrder: order({ status: 'REPORTED', canClose: true, reportedOn: '2026-12-01', report: '已核实' }) } }),
      CloseSupervisionOrder: () => ({ data: { closeSupervisionOrder: order({ status: 'ACCEPTED' }) } }),
    });
    await click('order-close');
    await vi.waitFor(() => expect(byTestId('close-order-form')).not.toBeNull());
    await click('close-order-submit');
    await vi.waitFor(() => expect(server.callsOf('CloseSupervisionOrder')).toEqual([{ id: ID, version: 3, decision: 'ACCEPT', reason: null }]));
    await vi.waitFor(() => expect(textOf()).toContain('督办单已办结'));
  });

  it('says so when the order is not there or not the caller’s', async () => {
    await renderPage({ SupervisionOrder: () => ({ error: { code: 'NOT_FOUND' } }) });
    expect(textOf('order-not-found')).toContain('未找到该督办单');
  });
});
