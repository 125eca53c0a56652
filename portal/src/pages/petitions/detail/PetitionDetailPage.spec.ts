import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PetitionDetailFragment } from '@/gql/graphql';
import { byTestId, click, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import PetitionDetailPage from './PetitionDetailPage.vue';
import { ACTION_ORDER, shownActions } from './actions';

const NOT_OWNED: PetitionDetailFragment['ownership'] = {
  isOwned: false,
  missing: ['LEADER', 'UNIT', 'RESOLUTION_PLAN', 'STABILITY_PLAN'],
  leader: null,
  unit: null,
  resolutionPlan: null,
  resolutionPlanOn: null,
  stabilityPlan: null,
  stabilityPlanOn: null,
};

const petition = (over: Partial<PetitionDetailFragment> = {}): PetitionDetailFragment => ({
  id: 'p1',
  number: 'SFX-2026-00321',
  version: 3,
  status: 'REGISTERED',
  kind: 'CLAIM',
  channel: 'VISIT',
  warning: 'NONE',
  receivedAt: '2026-01-05',
  headcount: 6,
  isCollective: true,
  isInitial: true,
  isKeyMatter: false,
  isBacklog: false,
  isFinal: false,
  isSkipLevel: false,
  subject: '征地补偿款未发放',
  content: '石桥村三组土地被征收，补偿款至今未发放。',
  answerText: null,
  answeredAt: null,
  declineReason: null,
  respondentName: null,
  receiptCode: 'ABCDE-23456',
  satisfaction: null,
  extensionStatus: 'NONE',
  extensionDays: 0,
  handlingMode: null,
  petitioner: { name: '覃大山', idNumber: '360999198001010016', phone: '13800000001', address: '石桥村三组' },
  category: { code: 'LAND', name: '土地征收与使用' },
  locationUnit: { id: 'u-shiqiao', name: '石桥村', kind: 'VILLAGE' },
  handlingUnit: null,
  respondentUnit: null,
  repeatOf: null,
  deadlines: { acceptBy: '2026-01-20', noticeBy: '2026-01-20', answerBy: null, objectionBy: null, appealRequestBy: null, reviewBy: null, current: '2026-01-20' },
  timeline: [{ id: 'e1', type: 'REGISTERED', actorName: '县群众工作局', at: '2026-01-05T02:00:00.000Z', fromStatus: null, toStatus: 'REGISTERED', note: null, handlingUnit: null }],
  disputes: [],
  availableActions: ['accept', 'decline', 'notify'],
  ageDays: 3,
  resolvedHarmoniously: null,
  keyMatterReason: null,
  canSetOwnership: false,
  canFlag: false,
  supervisionOrders: [],
  ownership: NOT_OWNED,
  ...over,
});

async function renderDetail(handlers: FakeHandlers, path = '/petitions/p1') {
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(createAbility([]), server);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(PetitionDetailPage, { global: { plugins }, attachTo: document.body });
  return { wrapper, server };
}

const actionButtons = () => [...document.querySelectorAll('[data-testid^="action-"]')].filter((b) => b.tagName === 'BUTTON').map((b) => b.getAttribute('data-testid'));

describe('the petition detail page', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('keeps exactly the known actions the server offers, in the bar’s order', () => {
    expect(shownActions(['close', 'accept', 'somethingNew', 'rate'])).toEqual(['accept', 'rate', 'close']);
    expect(shownActions([])).toEqual([]);
    expect(shownActions([...ACTION_ORDER].reverse())).toEqual([...ACTION_ORDER]);
  });

  it('shows only the buttons of availableActions', async () => {
    await renderDetail({ Petition: () => ({ data: { petition: petition() } }) });
    await vi.waitFor(() => expect(textOf('petition-number')).toBe('SFX-2026-00321'));
    expect(actionButtons()).toEqual(['action-accept', 'action-decline', 'action-notify']);
    expect(textOf('petition-actions')).toContain('受理');
    expect(textOf('petition-actions')).not.toContain('答复');
    expect(textOf('petition-fields')).toContain('集体访（6 人）');
    expect(textOf('timeline')).toContain('登记');
    expect(textOf('deadline-current')).toContain('2026-01-20');
  });

  it('shows no action button when the server offers none, and withheld fields as such', async () => {
    await renderDetail({
      Petition: () => ({ data: { petition: petition({ availableActions: [], petitioner: null, subject: null, content: null, receiptCode: null }) } }),
    });
    await vi.waitFor(() => expect(textOf('petition-number')).toBe('SFX-2026-00321'));
    expect(actionButtons()).toEqual([]);
    expect(byTestId('no-actions')).not.toBeNull();
    expect(textOf('petitioner-withheld')).toBe('（无权查看）');
    expect(textOf('petition-subject')).toBe('（无权查看）');
  });

  it('sends the version with an action, and reloads after it', async () => {
    const { server } = await renderDetail({
      Petition: () => ({ data: { petition: petition() } }),
      DeclinePetition: () => ({ data: { declinePetition: { id: 'p1', version: 4, status: 'NOT_ACCEPTED' } } }),
    });
    await vi.waitFor(() => expect(byTestId('action-decline')).not.toBeNull());
    await click('action-decline');
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="action-reason"] textarea, textarea[data-testid="action-reason"]')!;
    reason.value = '不属于信访事项';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await click('action-submit');
    await vi.waitFor(() => expect(server.callsOf('DeclinePetition')).toEqual([{ id: 'p1', version: 3, reason: '不属于信访事项' }]));
    await vi.waitFor(() => expect(server.callsOf('Petition').length).toBe(2));
  });

  it('says a refused action in Chinese by its reason', async () => {
    await renderDetail({
      Petition: () => ({ data: { petition: petition() } }),
      AcceptPetition: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'FINAL_MATTER' } }),
    });
    await vi.waitFor(() => expect(byTestId('action-accept')).not.toBeNull());
    await click('action-accept');
    await click('action-submit');
    await vi.waitFor(() => expect(textOf('action-error')).toContain('该事项已复核终结，重复信访不再受理'));
  });

  it('says clearly when the petition is not there or not the user’s to see', async () => {
    await renderDetail({ Petition: () => ({ error: { code: 'NOT_FOUND' } }) });
    await vi.waitFor(() => expect(textOf('petition-not-found')).toContain('信访事项不存在或无权查看'));
    expect(actionButtons()).toEqual([]);
  });

  it('marks a skip-level petition and links the disputes it grew out of to the ledger', async () => {
    await renderDetail({
      Petition: () => ({
        data: {
          petition: petition({
            isSkipLevel: true,
            disputes: [{ id: 'dd000000-0000-4000-8000-000000000001', summary: '征地补偿分配争议', status: 'ESCALATED', riskLevel: 'MAJOR', reportedOn: '2026-01-02', unit: { name: '石桥村' } }],
          }),
        },
      }),
    });
    await vi.waitFor(() => expect(textOf('petition-skip-level')).toBe('越级访'));
    expect(textOf('petition-disputes')).toContain('关联的矛盾纠纷');
    const link = document.querySelector('[data-testid="petition-dispute-dd000000-0000-4000-8000-000000000001"]')!;
    expect(link.textContent?.trim()).toBe('征地补偿分配争议');
    expect(link.getAttribute('href')).toBe('/disputes?dispute=dd000000-0000-4000-8000-000000000001');
  });

  it('shows neither the tag nor the disputes card for a petition with neither', async () => {
    await renderDetail({ Petition: () => ({ data: { petition: petition() } }) });
    await vi.waitFor(() => expect(textOf('petition-number')).toBe('SFX-2026-00321'));
    expect(byTestId('petition-skip-level')).toBeNull();
    expect(byTestId('petition-disputes')).toBeNull();
  });
});
